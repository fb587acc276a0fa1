package cn.govcloud.shared;

/**
 * Text made safe for a spreadsheet cell (CSV or formula injection, OWASP): a value that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * could be taken for a formula by Excel or WPS when the file is opened or re-saved as
 * CSV, so it gets a leading single quote and stays text. Every cell GovCloud exports goes
 * through {@link #safe(String)}.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/**
	 * The value, prefixed with {@code '} when it could start a formula; null stays null.
	 */
	public static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
			default -> value;
		};
	}

}
