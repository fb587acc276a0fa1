package cn.govcloud.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.util.unit.DataSize;

/**
 * The document types a construction plan may be, recognised by their content, not their
 * name: an executable renamed {@code .pdf} is not a PDF.
 */
public enum DocumentType {

	PDF("application/pdf", "pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"), PNG("image/png", "png"),
	JPEG("image/jpeg", "jpg", "jpeg");

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG_MAGIC = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	public static final long MAX_INFLATED = 256L * 1024 * 1024;

	public static final int MAX_RATIO = 100;

	private final String contentType;

	private final String[] extensions;

	DocumentType(String contentType, String... extensions) {
		this.contentType = contentType;
		this.extensions = extensions;
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return this.extensions[0];
	}

	/** The type a file name claims, by its extension. */
	/**
	 * The type of an uploaded document, checked by its content: the name's type must be
	 * the content's (an executable renamed {@code .pdf} is refused), within the size, and
	 * an office file must not inflate beyond {@link #MAX_INFLATED}. Problems name the
	 * field {@code file}.
	 */
	public static DocumentType checked(String fileName, byte[] content, DataSize maxSize) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of("file", "attachment.empty");
		}
		if (content.length > maxSize.toBytes()) {
			throw InvalidInputException.of("file", "attachment.tooLarge", maxSize.toMegabytes());
		}
		DocumentType claimed = DocumentType.byName(fileName)
			.orElseThrow(() -> InvalidInputException.of("file", "attachment.type"));
		DocumentType actual = DocumentType.byContent(content).orElse(null);
		if (actual != claimed) {
			throw InvalidInputException.of("file", "attachment.contentMismatch", claimed.extension());
		}
		if (!actual.inflatesSafely(content)) {
			throw InvalidInputException.of("file", "attachment.inflates");
		}
		return actual;
	}

	public static Optional<DocumentType> byName(String fileName) {
		int dot = (fileName != null) ? fileName.lastIndexOf('.') : -1;
		if (dot < 0) {
			return Optional.empty();
		}
		String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((type) -> Arrays.asList(type.extensions).contains(extension)).findFirst();
	}

	/** The type the bytes really are, if it is one of ours. */
	public static Optional<DocumentType> byContent(byte[] content) {
		if (startsWith(content, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(content, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, ZIP_MAGIC)) {
			return officeDocument(content);
		}
		return Optional.empty();
	}

	/**
	 * A DOCX or XLSX is a ZIP holding the main part of its kind; other ZIPs are neither.
	 */
	private static Optional<DocumentType> officeDocument(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null && entries++ < 2_000) {
				if (entry.getName().equals("word/document.xml")) {
					return Optional.of(DOCX);
				}
				if (entry.getName().equals("xl/workbook.xml")) {
					return Optional.of(XLSX);
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	/**
	 * An office document is a ZIP: it must not inflate beyond {@value #MAX_INFLATED}
	 * bytes nor more than {@value #MAX_RATIO} times its size (a "zip bomb" passes the
	 * size limit and fills memory or disk when opened). Other types are stored as they
	 * are.
	 */
	public boolean inflatesSafely(byte[] content) {
		if (this != DOCX && this != XLSX) {
			return true;
		}
		long limit = Math.min(MAX_INFLATED, (long) content.length * MAX_RATIO);
		long inflated = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			while (zip.getNextEntry() != null) {
				for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
					inflated += read;
					if (inflated > limit) {
						return false;
					}
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
		return true;
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

}
