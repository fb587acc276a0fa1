package cn.govcloud.systems;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored document as a download the browser never renders inline. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<byte[]> of(Download file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(file.content());
	}

}
