package cn.govcloud.shared.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The font with Chinese glyphs every PDF embeds (ADR 0028): the file named by
 * {@code govcloud.pdf.font}, else the first of the usual system places that holds one (CI
 * installs fonts-wqy-microhei). A TrueType file or collection (.ttf, .ttc); fonts with
 * CFF outlines (.otf) cannot be embedded as a subset by PDFBox and are not searched. The
 * file is read once; each document parses its own copy, since a parsed font is not safe
 * to share between threads. Without a font GovCloud still runs: a PDF is refused with
 * {@link PdfFontMissingException}, which says what to install or configure.
 */
@Component
public class CjkFont {

	/**
	 * Where the usual CJK TrueType fonts live on Debian/Ubuntu, Fedora, macOS, Windows.
	 */
	static final List<String> KNOWN_PLACES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			"/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
			"/System/Library/Fonts/Supplemental/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf",
			"C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simsun.ttc", "C:/Windows/Fonts/simhei.ttf");

	/** A character every Chinese font has and a Latin-only one lacks. */
	private static final int PROBE = '报';

	private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

	private final byte[] bytes;

	private final boolean collection;

	private final String source;

	private final String missing;

	@Autowired
	CjkFont(@Value("${govcloud.pdf.font:}") String configured) {
		this(configured, KNOWN_PLACES);
	}

	CjkFont(String configured, List<String> places) {
		List<String> candidates = (configured != null && !configured.isBlank()) ? List.of(configured.strip()) : places;
		List<String> tried = new ArrayList<>();
		byte[] found = null;
		String from = null;
		for (String place : candidates) {
			Path path = Path.of(place);
			if (!Files.isReadable(path)) {
				tried.add(place + " (not there)");
				continue;
			}
			try {
				byte[] read = Files.readAllBytes(path);
				if (usable(read, isCollection(place))) {
					found = read;
					from = place;
					break;
				}
				tried.add(place + " (no Chinese glyphs)");
			}
			catch (IOException | RuntimeException ex) {
				tried.add(place + " (unreadable: " + ex.getMessage() + ")");
			}
		}
		this.bytes = found;
		this.source = from;
		this.collection = (from != null) && isCollection(from);
		this.missing = (found != null) ? null
				: "No TrueType font with Chinese glyphs for PDFs. Install one (Debian/Ubuntu: apt-get install "
						+ "fonts-wqy-microhei) or set govcloud.pdf.font to a .ttf/.ttc file. Tried: "
						+ String.join("; ", tried);
		if (found == null) {
			log.warn("{}. Pages work; PDF downloads are refused until a font is there.", this.missing);
		}
		else {
			log.info("PDFs embed a subset of the font {}", from);
		}
	}

	/** Where the font was found, or {@code null} without one. */
	public String source() {
		return this.source;
	}

	/**
	 * A parsed copy of the font for one document; close it after the document is saved.
	 */
	Parsed parse() {
		if (this.bytes == null) {
			throw new PdfFontMissingException(this.missing);
		}
		try {
			return parse(this.bytes, this.collection);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isCollection(String place) {
		return place.toLowerCase(Locale.ROOT).endsWith(".ttc");
	}

	private static boolean usable(byte[] bytes, boolean collection) throws IOException {
		try (Parsed parsed = parse(bytes, collection)) {
			return parsed != null;
		}
	}

	/** The first font of the file (of a collection: the first) with Chinese glyphs. */
	private static Parsed parse(byte[] bytes, boolean collection) throws IOException {
		if (!collection) {
			TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
			if (hasProbe(font)) {
				return new Parsed(font, font);
			}
			font.close();
			return null;
		}
		TrueTypeCollection fonts = new TrueTypeCollection(new ByteArrayInputStream(bytes));
		TrueTypeFont[] first = new TrueTypeFont[1];
		fonts.processAllFonts((font) -> {
			if (first[0] == null && hasProbe(font)) {
				first[0] = font;
			}
		});
		if (first[0] == null) {
			fonts.close();
			return null;
		}
		return new Parsed(first[0], fonts);
	}

	private static boolean hasProbe(TrueTypeFont font) throws IOException {
		return font.getUnicodeCmapLookup(false) != null && font.getUnicodeCmapLookup(false).getGlyphId(PROBE) > 0;
	}

	/** A parsed font and what must be closed with it. */
	record Parsed(TrueTypeFont font, java.io.Closeable owner) implements AutoCloseable {

		boolean has(int codePoint) {
			try {
				return this.font.getUnicodeCmapLookup(false).getGlyphId(codePoint) > 0;
			}
			catch (IOException ex) {
				return false;
			}
		}

		@Override
		public void close() throws IOException {
			this.owner.close();
		}

	}

}
