package cn.govcloud.security;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import cn.govcloud.shared.CityTime;

/**
 * When a backup policy expects its runs (Art. 16), in city time: every day, week or month
 * at {@code at}, from {@code startsOn}. Each scheduled time opens a period lasting until
 * the next one; a period is met when a successful run started in it, failed when runs
 * started in it but none succeeded, missed when none started. A period not yet over is
 * pending and judged later.
 *
 * @param weekday for {@link BackupFrequency#WEEKLY} (1 Monday – 7 Sunday), else null
 * @param monthDay for {@link BackupFrequency#MONTHLY} (1–28), else null
 */
public record BackupSchedule(BackupFrequency frequency, LocalTime at, Integer weekday, Integer monthDay,
		LocalDate startsOn) {

	/** How one period went. */
	public enum Outcome {

		MET, FAILED, MISSED, PENDING

	}

	/** One scheduled period {@code [start, end)} and how it went. */
	public record Period(Instant start, Instant end, Outcome outcome) {
	}

	/** A run as the schedule needs it. */
	record Run(Instant startedAt, BackupResult result) {
	}

	/**
	 * The periods whose scheduled time falls in {@code month} (and not before
	 * {@code startsOn}), judged against {@code runs} as of {@code now}.
	 */
	List<Period> periods(YearMonth month, List<Run> runs, Instant now) {
		List<Period> periods = new ArrayList<>();
		LocalDate day = first(month.atDay(1).isBefore(this.startsOn) ? this.startsOn : month.atDay(1));
		while (!day.isAfter(month.atEndOfMonth())) {
			LocalDate next = next(day);
			Instant start = day.atTime(this.at).atZone(CityTime.ZONE).toInstant();
			Instant end = next.atTime(this.at).atZone(CityTime.ZONE).toInstant();
			periods.add(new Period(start, end, judge(start, end, runs, now)));
			day = next;
		}
		return periods;
	}

	private static Outcome judge(Instant start, Instant end, List<Run> runs, Instant now) {
		boolean started = false;
		for (Run run : runs) {
			if (!run.startedAt().isBefore(start) && run.startedAt().isBefore(end)) {
				if (run.result() == BackupResult.SUCCESS) {
					return Outcome.MET;
				}
				started = true;
			}
		}
		if (end.isAfter(now)) {
			return Outcome.PENDING;
		}
		return started ? Outcome.FAILED : Outcome.MISSED;
	}

	/** The first scheduled day on or after {@code from}. */
	private LocalDate first(LocalDate from) {
		return switch (this.frequency) {
			case DAILY -> from;
			case WEEKLY -> from.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(this.weekday)));
			case MONTHLY -> (from.getDayOfMonth() <= this.monthDay) ? from.withDayOfMonth(this.monthDay)
					: from.plusMonths(1).withDayOfMonth(this.monthDay);
		};
	}

	private LocalDate next(LocalDate day) {
		return switch (this.frequency) {
			case DAILY -> day.plusDays(1);
			case WEEKLY -> day.plusWeeks(1);
			case MONTHLY -> day.plusMonths(1);
		};
	}

}
