package cn.govcloud.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

import cn.govcloud.calendar.WorkingCalendar;

/**
 * How a kind of obligation recurs and when it is due, as the Commission sets it: per
 * month, quarter or year, due on the {@code dueWorkingDay}-th working day of the month
 * after the period (holidays and adjusted working days count,
 * {@code calendar.WorkingCalendar}).
 */
public record ObligationRule(ObligationKind kind, Period period, int dueWorkingDay) {

	public enum Period {

		MONTH(1), QUARTER(3), YEAR(12);

		final int months;

		Period(int months) {
			this.months = months;
		}

		/** The first day of the period holding {@code day}. */
		LocalDate startOf(LocalDate day) {
			int monthIndex = (day.getMonthValue() - 1) / this.months * this.months;
			return LocalDate.of(day.getYear(), monthIndex + 1, 1);
		}

		LocalDate endOf(LocalDate start) {
			return start.plusMonths(this.months).minusDays(1);
		}

	}

	/** The due day of the period starting {@code start}. */
	LocalDate dueOn(LocalDate start, WorkingCalendar calendar) {
		return calendar.workingDayOf(YearMonth.from(this.period.endOf(start)).plusMonths(1), this.dueWorkingDay);
	}

	/**
	 * Working days late: the working days after the due day up to the day of submission
	 * (both city dates); 0 when submitted on or before the due day.
	 */
	static int workingDaysLate(LocalDate due, LocalDate submitted, WorkingCalendar calendar) {
		int late = 0;
		for (LocalDate day = due.plusDays(1); !day.isAfter(submitted); day = day.plusDays(1)) {
			if (calendar.isWorkingDay(day)) {
				late++;
			}
		}
		return late;
	}

}
