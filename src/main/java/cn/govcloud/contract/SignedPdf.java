package cn.govcloud.contract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The signed contract must really be a PDF (checked by content, not by name), of at most
 * 50 MB.
 */
final class SignedPdf {

	static final int MAX_BYTES = 50 * 1024 * 1024;

	private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private SignedPdf() {
	}

	static boolean looksLikePdf(byte[] content) {
		return content != null && content.length >= MAGIC.length && content.length <= MAX_BYTES
				&& Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	static String cleanName(String fileName) {
		String name = (fileName != null) ? fileName.replace('\\', '/') : "contract.pdf";
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
		return name.isEmpty() ? "contract.pdf" : (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

}
