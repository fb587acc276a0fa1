package cn.govcloud.security;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file (evidence, a bulletin's document) answered as a download. */
final class FileAnswer {

	private FileAnswer() {
	}

	static ResponseEntity<byte[]> of(FindingEvidence.Stored stored) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(stored.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(stored.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(stored.content());
	}

}
