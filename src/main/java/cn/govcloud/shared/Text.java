package cn.govcloud.shared;

/** Text as people type it into forms and filters. */
public final class Text {

	private Text() {
	}

	/**
	 * The text without leading and trailing blanks, or {@code null} when nothing is left:
	 * an empty filter or optional field means "none".
	 */
	public static String stripToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
