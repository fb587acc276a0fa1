package cn.govcloud.shared;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bounds every input of GovCloud keeps, whatever the field: texts hold no control
 * characters (PostgreSQL refuses NUL; the others only hide things), numbers fit the money
 * and quantity columns, dates lie in years a contract or a measurement can have. One
 * place, so that the JSON body, the query string, the page form and the upload all refuse
 * the same things with the same words.
 */
public final class InputBounds {

	/** The earliest date any field accepts. */
	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/** The latest date any field accepts. */
	public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

	/** Digits before the decimal point: the money columns hold numeric(14,2). */
	public static final int MAX_INTEGER_DIGITS = 12;

	/** Digits after the decimal point: fen, and prices to a thousandth of a fen. */
	public static final int MAX_FRACTION_DIGITS = 6;

	/** The longest file name of an upload the document tables keep. */
	public static final int MAX_FILE_NAME = 200;

	private InputBounds() {
	}

	/**
	 * Whether the text holds a control character other than tab, line feed and return.
	 */
	public static boolean hasControlCharacter(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				return true;
			}
		}
		return false;
	}

	public static boolean fitsDecimal(BigDecimal value) {
		return value.scale() <= MAX_FRACTION_DIGITS && value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
	}

	public static boolean fitsDate(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	/** A file name is kept as given, so it must be short and printable. */
	public static boolean fitsFileName(String name) {
		return name.length() <= MAX_FILE_NAME && !hasControlCharacter(name);
	}

	/**
	 * The year a page or API is asked for: this year (city time) when none is given,
	 * otherwise 2000–2999, refused by name ({@code year}) outside that.
	 */
	public static int year(Integer year) {
		if (year == null) {
			return CityTime.today().getYear();
		}
		if (year < 2000 || year > 2999) {
			throw InvalidInputException.of("year", "calendar.year.range");
		}
		return year;
	}

}
