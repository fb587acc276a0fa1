package cn.govcloud.calendar;

import java.time.LocalDate;

/**
 * A day the calendar treats differently from its weekday: a public holiday, or an
 * adjusted working day (调休).
 *
 * @param name what the day is, e.g. 春节 or 国庆节调休上班
 */
public record CalendarDay(LocalDate day, Kind kind, String name) {

	public enum Kind {

		/** Not worked although a weekday. */
		HOLIDAY,

		/** Worked although a Saturday or Sunday. */
		WORKDAY

	}

}
