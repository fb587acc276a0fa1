package cn.govcloud.shared.web;

import java.nio.charset.StandardCharsets;

import cn.govcloud.shared.AttachedFiles.StoredFile;
import cn.govcloud.shared.DocumentType;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way a file is answered as a download: saved, never rendered inline, its type
 * not guessed by the browser, and its name kept as written (a Chinese name is sent as
 * UTF-8).
 */
public final class FileDownloads {

	/** An Excel workbook. */
	public static final MediaType XLSX = MediaType.parseMediaType(DocumentType.XLSX.contentType());

	private FileDownloads() {
	}

	public static ResponseEntity<byte[]> of(String fileName, MediaType type, byte[] content) {
		ContentDisposition.Builder disposition = ContentDisposition.attachment();
		if (StandardCharsets.US_ASCII.newEncoder().canEncode(fileName)) {
			disposition.filename(fileName);
		}
		else {
			disposition.filename(fileName, StandardCharsets.UTF_8);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(type)
			.body(content);
	}

	/** A stored file whose type was recorded with it. */
	public static ResponseEntity<byte[]> of(String fileName, String contentType, byte[] content) {
		return of(fileName, MediaType.parseMediaType(contentType), content);
	}

	/** A stored file as it was kept. */
	public static ResponseEntity<byte[]> of(StoredFile file) {
		return of(file.fileName(), file.contentType(), file.content());
	}

}
