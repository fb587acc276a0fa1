package cn.govcloud.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.govcloud.calendar.WorkingCalendar.WorkingPeriod;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * The calendar as people paste it from the State Council's notice: one day a line,
 * {@code 2027-01-01,HOLIDAY,元旦} (or {@code 节假日} / {@code 上班}); working hours as
 * {@code 08:30-12:00, 13:30-17:30}. A line that cannot be read is named by its number.
 */
final class CalendarText {

	private static final int MAX_LINES = WorkingCalendars.MAX_DAYS_PER_YEAR;

	private CalendarText() {
	}

	public static List<CalendarDay> days(String text, String field) {
		List<CalendarDay> days = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		String[] lines = (text != null) ? text.split("\\R") : new String[0];
		for (int i = 0; i < lines.length && problems.size() < 20; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (days.size() >= MAX_LINES) {
				problems.add(new FieldProblem(field, "calendar.days.tooMany", MAX_LINES));
				break;
			}
			String[] cells = line.split("[,，\\t]", 3);
			if (cells.length < 3) {
				problems.add(new FieldProblem(field, "calendar.text.line", i + 1));
				continue;
			}
			try {
				days.add(new CalendarDay(LocalDate.parse(cells[0].strip()), kind(cells[1].strip()), cells[2].strip()));
			}
			catch (DateTimeParseException | IllegalArgumentException ex) {
				problems.add(new FieldProblem(field, "calendar.text.line", i + 1));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return days;
	}

	public static String days(List<CalendarDay> days) {
		StringBuilder text = new StringBuilder();
		days.forEach((day) -> text.append(day.day())
			.append(',')
			.append(day.kind().name())
			.append(',')
			.append(day.name())
			.append('\n'));
		return text.toString();
	}

	public static List<WorkingPeriod> hours(String text, String field) {
		List<WorkingPeriod> periods = new ArrayList<>();
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of(field, "calendar.periods.count");
		}
		for (String part : text.split("[,，;；\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			String[] ends = part.split("[-–~]");
			try {
				if (ends.length != 2 || periods.size() >= 6) {
					throw new IllegalArgumentException(part);
				}
				periods.add(new WorkingPeriod(LocalTime.parse(pad(ends[0])), LocalTime.parse(pad(ends[1]))));
			}
			catch (DateTimeParseException | IllegalArgumentException ex) {
				throw InvalidInputException.of(field, "calendar.text.period", part);
			}
		}
		return periods;
	}

	public static String hours(List<WorkingPeriod> periods) {
		return String.join(", ", periods.stream().map((p) -> p.starts() + "-" + p.ends()).toList());
	}

	private static String pad(String time) {
		String t = time.strip();
		return (t.length() == 4 && t.charAt(1) == ':') ? "0" + t : t;
	}

	private static CalendarDay.Kind kind(String text) {
		return switch (text.toUpperCase(Locale.ROOT)) {
			case "HOLIDAY", "节假日", "放假", "休" -> CalendarDay.Kind.HOLIDAY;
			case "WORKDAY", "上班", "班", "调休上班" -> CalendarDay.Kind.WORKDAY;
			default -> throw new IllegalArgumentException(text);
		};
	}

}
