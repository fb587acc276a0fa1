package cn.govcloud.shared.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.CmapLookup;
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
 * file is read once. Parsing it is the costliest part of a small PDF (most of a second on
 * a 5 MB collection), so parsed copies are kept and lent: one document at a time uses a
 * copy (PDFBox's parsed fonts are not safe to share between threads), gives it back when
 * it is saved, and the next document on any thread takes it again. At most {@link #KEPT}
 * copies wait; more are parsed only while more documents are written at once. Without a
 * font GovCloud still runs: a PDF is refused with {@link PdfFontMissingException}, which
 * says what to install or configure.
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

	/** How many parsed copies wait to be lent again (about 10 MB each). */
	static final int KEPT = Math.max(2, Runtime.getRuntime().availableProcessors());

	private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

	private final Queue<Parsed> idle = new ConcurrentLinkedQueue<>();

	private final AtomicInteger parsedCopies = new AtomicInteger();

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
	 * A parsed copy of the font for one document alone; {@link #giveBack} it once the
	 * document is saved (or abandoned).
	 */
	Parsed lend() {
		if (this.bytes == null) {
			throw new PdfFontMissingException(this.missing);
		}
		Parsed kept = this.idle.poll();
		if (kept != null) {
			return kept;
		}
		try {
			Parsed parsed = parse(this.bytes, this.collection);
			this.parsedCopies.incrementAndGet();
			return parsed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Takes back a copy no document uses any longer: kept for the next one, or closed
	 * when enough wait.
	 */
	void giveBack(Parsed parsed) {
		if (this.idle.size() < KEPT) {
			this.idle.offer(parsed);
			return;
		}
		try {
			parsed.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How many copies were parsed since start (a measure for tests and benchmarks). */
	int parsedCopies() {
		return this.parsedCopies.get();
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

	/** A parsed font, its character map and what must be closed with it. */
	record Parsed(TrueTypeFont font, CmapLookup cmap, java.io.Closeable owner) implements AutoCloseable {

		Parsed(TrueTypeFont font, java.io.Closeable owner) throws IOException {
			this(font, font.getUnicodeCmapLookup(false), owner);
		}

		boolean has(int codePoint) {
			return this.cmap.getGlyphId(codePoint) > 0;
		}

		@Override
		public void close() throws IOException {
			this.owner.close();
		}

	}

}
