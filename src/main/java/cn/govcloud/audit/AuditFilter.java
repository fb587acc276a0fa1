package cn.govcloud.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * What the audit administrator looks for. Dates are calendar days in the city's time
 * (Asia/Shanghai), both inclusive; {@code actor} is a username, matched exactly;
 * {@code organization} matches part of the organisation's name; {@code action} matches
 * the start of the action ({@code user.} finds every user action). Null means "any".
 */
record AuditFilter(LocalDate from, LocalDate to, String actor, String organization, String action,
		AuditOutcome outcome) {

	/** The city's time zone: audit dates are read and shown in it. */
	public static final ZoneId CITY_TIME = cn.govcloud.shared.CityTime.ZONE;

	/** No filter: the whole trail. */
	public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

	static final int MAX_TEXT = 200;

	/**
	 * Exactly {@code yyyy-MM-dd}: four-digit years only, so no date overflows the
	 * database.
	 */
	private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4)
		.appendLiteral('-')
		.appendValue(ChronoField.MONTH_OF_YEAR, 2)
		.appendLiteral('-')
		.appendValue(ChronoField.DAY_OF_MONTH, 2)
		.toFormatter(Locale.ROOT)
		.withChronology(IsoChronology.INSTANCE)
		.withResolverStyle(ResolverStyle.STRICT);

	/**
	 * The filter from what a person typed or an API caller sent: blanks mean "any".
	 * @throws InvalidInputException naming each bad field: a date that is not
	 * {@code yyyy-MM-dd}, {@code to} before {@code from}, an unknown outcome, a text
	 * longer than {@value #MAX_TEXT} characters
	 */
	public static AuditFilter parse(String from, String to, String actor, String organization, String action,
			String outcome) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate fromDate = date("from", from, problems);
		LocalDate toDate = date("to", to, problems);
		if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
			problems.add(new FieldProblem("to", "audit.filter.to.beforeFrom"));
		}
		AuditFilter filter = new AuditFilter(fromDate, toDate, text("actor", actor, problems),
				text("organization", organization, problems), text("action", action, problems),
				outcome("outcome", outcome, problems));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return filter;
	}

	/** Whether nothing is filtered. */
	public boolean isEmpty() {
		return equals(ALL);
	}

	/** The first instant included, or null. */
	public Instant fromInstant() {
		return (this.from != null) ? this.from.atStartOfDay(CITY_TIME).toInstant() : null;
	}

	/**
	 * The first instant no longer included (the start of the day after {@code to}), or
	 * null.
	 */
	public Instant toInstantExclusive() {
		return (this.to != null) ? this.to.plusDays(1).atStartOfDay(CITY_TIME).toInstant() : null;
	}

	/** For the audit record of an export: the filters in use. */
	String describe() {
		StringBuilder text = new StringBuilder();
		append(text, "from", this.from);
		append(text, "to", this.to);
		append(text, "actor", this.actor);
		append(text, "organization", this.organization);
		append(text, "action", this.action);
		append(text, "outcome", this.outcome);
		return text.isEmpty() ? "all" : text.toString();
	}

	private static void append(StringBuilder text, String name, Object value) {
		if (value != null) {
			text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(value);
		}
	}

	private static LocalDate date(String field, String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip(), DATE);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "audit.filter.date.invalid", value.strip()));
			return null;
		}
	}

	private static String text(String field, String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > MAX_TEXT) {
			problems.add(new FieldProblem(field, "error.field.size", 1, MAX_TEXT));
			return null;
		}
		return stripped;
	}

	private static AuditOutcome outcome(String field, String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return AuditOutcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "audit.filter.outcome.invalid", value.strip()));
			return null;
		}
	}

}
