package cn.govcloud.systems;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The document types a construction plan may be, recognised by their content, not their
 * name: an executable renamed {@code .pdf} is not a PDF.
 */
enum DocumentType {

	PDF("application/pdf", "pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"), PNG("image/png", "png"),
	JPEG("image/jpeg", "jpg", "jpeg");

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG_MAGIC = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	static final long MAX_INFLATED = 256L * 1024 * 1024;

	static final int MAX_RATIO = 100;

	private final String contentType;

	private final String[] extensions;

	DocumentType(String contentType, String... extensions) {
		this.contentType = contentType;
		this.extensions = extensions;
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extensions[0];
	}

	/** The type a file name claims, by its extension. */
	static Optional<DocumentType> byName(String fileName) {
		int dot = (fileName != null) ? fileName.lastIndexOf('.') : -1;
		if (dot < 0) {
			return Optional.empty();
		}
		String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((type) -> Arrays.asList(type.extensions).contains(extension)).findFirst();
	}

	/** The type the bytes really are, if it is one of ours. */
	static Optional<DocumentType> byContent(byte[] content) {
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
	boolean inflatesSafely(byte[] content) {
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
