package cn.govcloud.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.InvalidInputException;

/**
 * Values typed into a page form, read with the same bounds as a JSON body
 * ({@link InputBounds}): blank reads as absent, anything else must be well formed and in
 * range, or the field is named.
 */
public final class FormValues {

	private FormValues() {
	}

	/**
	 * An ISO date ({@code 2026-12-03}) between 1900 and 2999, or {@code null} if blank.
	 */
	public static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of(field, "error.date.format");
		}
		if (!InputBounds.fitsDate(date)) {
			throw InvalidInputException.of(field, "error.date.range");
		}
		return date;
	}

	/**
	 * A decimal within the money columns, or {@code null} if blank.
	 * @param formatCode the message for text that is no number at all
	 */
	public static BigDecimal decimal(String value, String field, String formatCode) {
		if (value == null || value.isBlank()) {
			return null;
		}
		BigDecimal number;
		try {
			number = new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, formatCode);
		}
		if (!InputBounds.fitsDecimal(number)) {
			throw InvalidInputException.of(field, "error.number.range");
		}
		return number;
	}

}
