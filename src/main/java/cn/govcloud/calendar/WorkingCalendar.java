package cn.govcloud.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Working time in the city: the working hours of a day, and which days are worked. A day
 * is worked when it is Monday to Friday and no public holiday, or when it is an adjusted
 * working day (调休: a Saturday or Sunday worked in exchange for a longer holiday), as the
 * State Council publishes them each year and the Commission keeps them as data.
 */
public final class WorkingCalendar implements Timeline {

	/** How far a computation walks before it gives up: ten years of days. */
	private static final int MAX_DAYS = 3660;

	private final ZoneId zone;

	private final List<WorkingPeriod> periods;

	private final Map<LocalDate, CalendarDay.Kind> exceptions;

	private final Duration workingDay;

	/**
	 * @param periods the working periods of a day, in order and not overlapping
	 * @param exceptions the holidays and the adjusted working days
	 */
	public WorkingCalendar(ZoneId zone, List<WorkingPeriod> periods, Map<LocalDate, CalendarDay.Kind> exceptions) {
		if (periods.isEmpty()) {
			throw new IllegalArgumentException("a working day needs working hours");
		}
		this.zone = zone;
		this.periods = List.copyOf(periods);
		this.exceptions = Map.copyOf(exceptions);
		this.workingDay = this.periods.stream().map(WorkingPeriod::length).reduce(Duration.ZERO, Duration::plus);
	}

	/** The working time of one working day: "3 working days" is three of these. */
	public Duration workingDay() {
		return this.workingDay;
	}

	public boolean isWorkingDay(LocalDate day) {
		CalendarDay.Kind exception = this.exceptions.get(day);
		if (exception != null) {
			return exception == CalendarDay.Kind.WORKDAY;
		}
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
	}

	/**
	 * The working day {@code count} working days after {@code from} (0: {@code from}
	 * itself if worked, else the next working day): "within 10 working days" of a notice.
	 */
	public LocalDate plusWorkingDays(LocalDate from, int count) {
		LocalDate day = from;
		int walked = 0;
		while (!isWorkingDay(day)) {
			guard(walked++);
			day = day.plusDays(1);
		}
		for (int left = count; left > 0; left--) {
			do {
				guard(walked++);
				day = day.plusDays(1);
			}
			while (!isWorkingDay(day));
		}
		return day;
	}

	/** The {@code nth} working day of a month (1: the first): "the 5th working day". */
	public LocalDate workingDayOf(YearMonth month, int nth) {
		if (nth < 1) {
			throw new IllegalArgumentException("the first working day is the 1st");
		}
		return plusWorkingDays(month.atDay(1), nth - 1);
	}

	@Override
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		LocalDateTime start = LocalDateTime.ofInstant(from, this.zone);
		LocalDateTime end = LocalDateTime.ofInstant(to, this.zone);
		Duration total = Duration.ZERO;
		LocalDate day = start.toLocalDate();
		for (int walked = 0; !day.isAfter(end.toLocalDate()); walked++, day = day.plusDays(1)) {
			guard(walked);
			if (!isWorkingDay(day)) {
				continue;
			}
			for (WorkingPeriod period : this.periods) {
				LocalDateTime periodStart = day.atTime(period.starts());
				LocalDateTime periodEnd = day.atTime(period.ends());
				LocalDateTime a = periodStart.isBefore(start) ? start : periodStart;
				LocalDateTime b = periodEnd.isAfter(end) ? end : periodEnd;
				if (b.isAfter(a)) {
					total = total.plus(Duration.between(a, b));
				}
			}
		}
		return total;
	}

	@Override
	public Instant plus(Instant from, Duration amount) {
		if (amount.isZero() || amount.isNegative()) {
			return from;
		}
		LocalDateTime cursor = LocalDateTime.ofInstant(from, this.zone);
		Duration remaining = amount;
		LocalDate day = cursor.toLocalDate();
		for (int walked = 0;; walked++, day = day.plusDays(1)) {
			guard(walked);
			if (!isWorkingDay(day)) {
				continue;
			}
			for (WorkingPeriod period : this.periods) {
				LocalDateTime periodStart = day.atTime(period.starts());
				LocalDateTime periodEnd = day.atTime(period.ends());
				LocalDateTime a = periodStart.isBefore(cursor) ? cursor : periodStart;
				if (!periodEnd.isAfter(a)) {
					continue;
				}
				Duration available = Duration.between(a, periodEnd);
				// A target met exactly at the end of a period is met then, not next
				// morning.
				if (remaining.compareTo(available) <= 0) {
					return a.plus(remaining).atZone(this.zone).toInstant();
				}
				remaining = remaining.minus(available);
			}
		}
	}

	private static void guard(int walked) {
		if (walked > MAX_DAYS) {
			throw new IllegalStateException("no working time within ten years: check the calendar");
		}
	}

	/** One period of working hours in a day, e.g. 08:30–12:00. */
	public record WorkingPeriod(LocalTime starts, LocalTime ends) {

		public WorkingPeriod {
			if (starts == null || ends == null || !ends.isAfter(starts)) {
				throw new IllegalArgumentException("a working period ends after it starts");
			}
		}

		public Duration length() {
			return Duration.between(this.starts, this.ends);
		}

	}

}
