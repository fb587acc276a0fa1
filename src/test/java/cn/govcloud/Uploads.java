package cn.govcloud;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Multipart bodies written byte by byte, so that a test can put anything in them. */
final class Uploads {

	static final String BOUNDARY = "----govcloud-malformed";

	private Uploads() {
	}

	/** One file part; the file name is written as given, NUL characters included. */
	static byte[] multipart(String part, String fileName, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

}
