package cn.govcloud.shared.pdf;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for {@link PdfDocument#table}: columns with relative widths, rows of text. Long
 * cell text wraps inside its column; a row is never split, and a row that no longer fits
 * goes to the next page under the header row drawn again.
 */
public final class PdfTable {

	private static final float SIZE = 8.5f;

	private static final float PAD = 3;

	private static final Color HEADER = new Color(226, 232, 240);

	private static final Color RULE = new Color(160, 160, 160);

	private final List<Column> columns;

	private final List<String[]> rows = new ArrayList<>();

	private PdfTable(List<Column> columns) {
		this.columns = List.copyOf(columns);
	}

	/** A table with these columns. */
	public static PdfTable of(Column... columns) {
		return new PdfTable(List.of(columns));
	}

	/** A row, one text per column ({@code null} blank). */
	public PdfTable row(String... cells) {
		if (cells.length != this.columns.size()) {
			throw new IllegalArgumentException(
					"A row of " + cells.length + " cells in a table of " + this.columns.size() + " columns");
		}
		this.rows.add(cells.clone());
		return this;
	}

	public int size() {
		return this.rows.size();
	}

	void draw(PdfDocument pdf) {
		float[] widths = widths(pdf.width());
		String[] header = this.columns.stream().map(Column::title).toArray(String[]::new);
		List<List<String>> head = lines(pdf, header, widths);
		float headHeight = height(head);
		pdf.room(headHeight + ((this.rows.isEmpty()) ? 0 : height(lines(pdf, this.rows.get(0), widths))));
		row(pdf, head, widths, headHeight, true);
		for (String[] cells : this.rows) {
			List<List<String>> lines = lines(pdf, cells, widths);
			float h = height(lines);
			if (!pdf.fits(h)) {
				pdf.newPage();
				row(pdf, head, widths, headHeight, true);
			}
			row(pdf, lines, widths, h, false);
		}
	}

	private void row(PdfDocument pdf, List<List<String>> cells, float[] widths, float height, boolean header) {
		float x = PdfDocument.MARGIN;
		float top = pdf.y();
		for (int c = 0; c < widths.length; c++) {
			pdf.rectangle(x, top - height, widths[c], height, header ? HEADER : null, RULE);
			float baseline = top - PAD - SIZE;
			for (String line : cells.get(c)) {
				float left = (this.columns.get(c).right() && !header) ? x + widths[c] - PAD - pdf.textWidth(line, SIZE)
						: x + PAD;
				pdf.text(left, baseline, SIZE, line);
				baseline -= PdfDocument.leading(SIZE);
			}
			x += widths[c];
		}
		pdf.down(height);
	}

	private List<List<String>> lines(PdfDocument pdf, String[] cells, float[] widths) {
		List<List<String>> lines = new ArrayList<>(cells.length);
		for (int c = 0; c < cells.length; c++) {
			lines.add(pdf.wrap((cells[c] != null) ? cells[c] : "", SIZE, widths[c] - 2 * PAD));
		}
		return lines;
	}

	private static float height(List<List<String>> cells) {
		int most = cells.stream().mapToInt(List::size).max().orElse(1);
		return most * PdfDocument.leading(SIZE) + 2 * PAD;
	}

	private float[] widths(float total) {
		double sum = this.columns.stream().mapToDouble(Column::weight).sum();
		float[] widths = new float[this.columns.size()];
		for (int c = 0; c < widths.length; c++) {
			widths[c] = (float) (total * this.columns.get(c).weight() / sum);
		}
		return widths;
	}

	/**
	 * A column: its header, its share of the width, and whether its values align right
	 * (numbers).
	 */
	public record Column(String title, double weight, boolean right) {

		public static Column text(String title, double weight) {
			return new Column(title, weight, false);
		}

		public static Column number(String title, double weight) {
			return new Column(title, weight, true);
		}

	}

}
