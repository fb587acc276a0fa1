package cn.govcloud.shared.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printed report on A4, written top to bottom: a cover, headings, paragraphs, tables
 * and charts flow onto new pages as they fill; {@link #toBytes} numbers the pages ("第 n
 * 页，共 m 页") and embeds the subset of the Chinese font the text used. Text the font cannot
 * show (an emoji, a control character) is written as {@code ?} rather than failing the
 * document. Not thread-safe: one document per thread.
 */
public final class PdfDocument implements AutoCloseable {

	static final PDRectangle PAGE = PDRectangle.A4;

	static final float MARGIN = 50;

	static final float BOTTOM = 60;

	static final float BODY = 10;

	private final PDDocument document = new PDDocument();

	private final CjkFont fonts;

	private CjkFont.Parsed parsed;

	private final PDType0Font font;

	private PDPageContentStream content;

	private float y;

	private final PageLabel pageLabel;

	/**
	 * @param pageLabel the footer of each page, e.g. "第 3 页，共 9 页"
	 */
	public PdfDocument(CjkFont fonts, PageLabel pageLabel) {
		this.fonts = fonts;
		this.parsed = fonts.lend();
		this.pageLabel = pageLabel;
		try {
			this.font = PDType0Font.load(this.document, this.parsed.font(), true);
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw (ex instanceof IOException io) ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	/**
	 * A cover page: the title large, a subtitle, then each fact as a label and a value;
	 * the next content starts on a new page.
	 */
	public PdfDocument cover(String title, String subtitle, List<String[]> facts) {
		newPage();
		this.y = PAGE.getHeight() - 220;
		centered(title, 26);
		this.y -= 40;
		centered(subtitle, 14);
		this.y -= 60;
		for (String[] fact : facts) {
			text(MARGIN + 90, this.y, 13, fact[0]);
			text(MARGIN + 210, this.y, 13, fact[1]);
			this.y -= 26;
		}
		this.content = close(this.content);
		return this;
	}

	/** A section heading; it starts a page when less than a few lines are left. */
	public PdfDocument heading(String text) {
		room(60);
		this.y -= 8;
		text(MARGIN, this.y - 14, 14, text);
		this.y -= 26;
		return this;
	}

	/** Text wrapped to the page width; each line break of the text starts a new line. */
	public PdfDocument paragraph(String text) {
		for (String part : (text != null) ? text.split("\\R", -1) : new String[] { "" }) {
			for (String line : wrap(part, BODY, width())) {
				room(leading(BODY));
				text(MARGIN, this.y - BODY, BODY, line);
				this.y -= leading(BODY);
			}
		}
		this.y -= 6;
		return this;
	}

	/** A table; rows that do not fit go to the next page under a repeated header. */
	public PdfDocument table(PdfTable table) {
		table.draw(this);
		this.y -= 10;
		return this;
	}

	/** A chart, on a new page when it does not fit on this one. */
	public PdfDocument chart(PdfChart chart) {
		room(chart.height() + 10);
		chart.draw(this, MARGIN, this.y - chart.height(), width());
		this.y -= chart.height() + 10;
		return this;
	}

	/** The document with its page numbers; the document is closed after. */
	public byte[] toBytes() {
		try {
			this.content = close(this.content);
			int count = this.document.getNumberOfPages();
			for (int i = 0; i < count; i++) {
				try (PDPageContentStream footer = new PDPageContentStream(this.document, this.document.getPage(i),
						PDPageContentStream.AppendMode.APPEND, true, true)) {
					this.content = footer;
					String label = this.pageLabel.label(i + 1, count);
					text((PAGE.getWidth() - textWidth(label, 9)) / 2, 30, 9, label);
				}
				this.content = null;
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			this.document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			close();
		}
	}

	/**
	 * Closes the document and gives the font back for the next document (the document
	 * only read it: PDFBox does not close or change a font it was handed); closing again
	 * does nothing.
	 */
	@Override
	public void close() {
		try {
			this.document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (this.parsed != null) {
				this.fonts.giveBack(this.parsed);
				this.parsed = null;
			}
		}
	}

	/** The footer of a page. */
	@FunctionalInterface
	public interface PageLabel {

		String label(int page, int count);

	}

	// The page, for tables and charts.

	float width() {
		return PAGE.getWidth() - 2 * MARGIN;
	}

	float y() {
		return this.y;
	}

	void down(float by) {
		this.y -= by;
	}

	/** Whether {@code height} still fits above the bottom margin (without a new page). */
	boolean fits(float height) {
		return this.content != null && this.y - height >= BOTTOM;
	}

	/** Starts a new page unless {@code height} fits on this one. */
	void room(float height) {
		if (!fits(height)) {
			newPage();
		}
	}

	void newPage() {
		this.content = close(this.content);
		PDPage page = new PDPage(PAGE);
		this.document.addPage(page);
		try {
			this.content = new PDPageContentStream(this.document, page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.y = PAGE.getHeight() - MARGIN;
	}

	static float leading(float size) {
		return size * 1.45f;
	}

	void text(float x, float baseline, float size, String text) {
		try {
			this.content.beginText();
			this.content.setFont(this.font, size);
			this.content.setNonStrokingColor(Color.BLACK);
			this.content.newLineAtOffset(x, baseline);
			this.content.showText(shown(text));
			this.content.endText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void rectangle(float x, float y, float w, float h, Color fill, Color stroke) {
		try {
			this.content.addRect(x, y, w, h);
			if (fill != null && stroke != null) {
				this.content.setNonStrokingColor(fill);
				this.content.setStrokingColor(stroke);
				this.content.fillAndStroke();
			}
			else if (fill != null) {
				this.content.setNonStrokingColor(fill);
				this.content.fill();
			}
			else {
				this.content.setStrokingColor(stroke);
				this.content.stroke();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void polyline(float[] xs, float[] ys, Color stroke, float lineWidth) {
		try {
			this.content.setStrokingColor(stroke);
			this.content.setLineWidth(lineWidth);
			this.content.moveTo(xs[0], ys[0]);
			for (int i = 1; i < xs.length; i++) {
				this.content.lineTo(xs[i], ys[i]);
			}
			this.content.stroke();
			this.content.setLineWidth(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	float textWidth(String text, float size) {
		try {
			return this.font.getStringWidth(shown(text)) / 1000 * size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The text in lines no wider than {@code max}: at the last space of a line when it
	 * has one, or after its last slash (Latin words and figures stay whole), else by
	 * character (Chinese has no spaces).
	 */
	List<String> wrap(String text, float size, float max) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		String shown = shown(text);
		for (int i = 0; i < shown.length();) {
			int cp = shown.codePointAt(i);
			line.appendCodePoint(cp);
			i += Character.charCount(cp);
			if (line.length() > Character.charCount(cp) && textWidth(line.toString(), size) > max) {
				int space = line.lastIndexOf(" ", line.length() - 2);
				int slash = line.lastIndexOf("/", line.length() - 2) + 1;
				int at = Math.max(space, slash);
				int cut = (at > 0 && at < line.length()) ? at : line.length() - Character.charCount(cp);
				lines.add(line.substring(0, cut).stripTrailing());
				String rest = line.substring(cut).stripLeading();
				line.setLength(0);
				line.append(rest);
			}
		}
		lines.add(line.toString());
		return lines;
	}

	/** The text cut to fit {@code max}, with an ellipsis when cut. */
	String fit(String text, float size, float max) {
		String shown = shown(text);
		if (textWidth(shown, size) <= max) {
			return shown;
		}
		int end = shown.length();
		while (end > 0 && textWidth(shown.substring(0, end) + "…", size) > max) {
			end--;
		}
		return shown.substring(0, end) + "…";
	}

	/** What the font can show: control characters as spaces, missing glyphs as '?'. */
	private String shown(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((cp) -> {
			if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
				out.append(' ');
			}
			else {
				out.appendCodePoint(this.parsed.has(cp) ? cp : '?');
			}
		});
		return out.toString();
	}

	private void centered(String text, float size) {
		text((PAGE.getWidth() - textWidth(text, size)) / 2, this.y, size, text);
	}

	private static PDPageContentStream close(PDPageContentStream stream) {
		if (stream != null) {
			try {
				stream.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return null;
	}

}
