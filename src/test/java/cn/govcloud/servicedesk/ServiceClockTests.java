package cn.govcloud.servicedesk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import cn.govcloud.calendar.CalendarDay.Kind;
import cn.govcloud.calendar.Timeline;
import cn.govcloud.calendar.WorkingCalendar;
import cn.govcloud.calendar.WorkingCalendar.WorkingPeriod;
import cn.govcloud.shared.CityTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock arithmetic of service-level targets, on the 2026 calendar: working hours
 * 08:30–12:00 and 13:30–17:30, the National Day holiday of 1–7 October and the adjusted
 * working Saturday of 10 October (国务院办公厅 2026 年部分节假日安排).
 */
class ServiceClockTests {

	private final WorkingCalendar calendar = new WorkingCalendar(CityTime.ZONE,
			List.of(new WorkingPeriod(LocalTime.of(8, 30), LocalTime.of(12, 0)),
					new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(17, 30))),
			Map.of(LocalDate.of(2026, 10, 1), Kind.HOLIDAY, LocalDate.of(2026, 10, 2), Kind.HOLIDAY,
					LocalDate.of(2026, 10, 5), Kind.HOLIDAY, LocalDate.of(2026, 10, 6), Kind.HOLIDAY,
					LocalDate.of(2026, 10, 7), Kind.HOLIDAY, LocalDate.of(2026, 10, 10), Kind.WORKDAY));

	private static Instant at(int month, int day, int hour, int minute) {
		return LocalDateTime.of(2026, month, day, hour, minute).atZone(CityTime.ZONE).toInstant();
	}

	@Test
	void aWorkingDayIsSevenAndAHalfHoursAndLunchIsNotCounted() {
		assertThat(this.calendar.workingDay()).isEqualTo(Duration.ofMinutes(450));
		// Thursday 3 December 2026, 11:00 → 14:00: one hour before lunch, half an hour
		// after.
		assertThat(this.calendar.between(at(12, 3, 11, 0), at(12, 3, 14, 0))).isEqualTo(Duration.ofMinutes(90));
		// Four working hours from 16:00 run into the next morning: 1.5 h today, 2.5 h
		// tomorrow.
		assertThat(this.calendar.plus(at(12, 3, 16, 0), Duration.ofHours(4))).isEqualTo(at(12, 4, 11, 0));
	}

	@Test
	void aWeekendAndAPublicHolidayAreSkippedAndAnAdjustedSaturdayIsWorked() {
		// Friday 4 December 17:00 + 1 working hour: half an hour on Friday, half on
		// Monday.
		assertThat(this.calendar.plus(at(12, 4, 17, 0), Duration.ofHours(1))).isEqualTo(at(12, 7, 9, 0));
		// Wednesday 30 September 17:00 + 1 h: 1–2 October are holidays, 3–4 a weekend,
		// 5–7 holidays; Thursday 8 October 09:00.
		assertThat(this.calendar.plus(at(9, 30, 17, 0), Duration.ofHours(1))).isEqualTo(at(10, 8, 9, 0));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
		// Friday 9 October 17:00 + 1 h: the adjusted Saturday 10 October is worked.
		assertThat(this.calendar.plus(at(10, 9, 17, 0), Duration.ofHours(1))).isEqualTo(at(10, 10, 9, 0));
		assertThat(this.calendar.between(at(9, 30, 0, 0), at(10, 9, 0, 0))).isEqualTo(Duration.ofMinutes(450 * 2));
	}

	@Test
	void aTargetMetExactlyAtTheEndOfAPeriodIsMetThenNotNextMorning() {
		assertThat(this.calendar.plus(at(12, 3, 17, 0), Duration.ofMinutes(30))).isEqualTo(at(12, 3, 17, 30));
		assertThat(this.calendar.plus(at(12, 3, 20, 0), Duration.ZERO)).isEqualTo(at(12, 3, 20, 0));
	}

	@Test
	void aResponseExactlyAtTheTargetIsInTimeAndOneSecondLaterIsABreach() {
		ServiceClock clock = new ServiceClock(Timeline.ROUND_THE_CLOCK, at(12, 3, 10, 0), Duration.ofMinutes(15),
				List.of(), null);
		assertThat(clock.breached(at(12, 3, 10, 15))).isFalse();
		assertThat(clock.breached(at(12, 3, 10, 15).plusSeconds(1))).isTrue();
		assertThat(clock.dueAt(1.0)).isEqualTo(at(12, 3, 10, 15));
		assertThat(clock.used(at(12, 3, 10, 15))).isEqualTo(1.0);
	}

	@Test
	void aPauseAcrossTheNightStopsTheClockAndTheDeadlineMovesByThePause() {
		// P3: 4 working hours from Thursday 15:00. The unit is asked a question at 16:00
		// and
		// answers Friday 10:00; the clock counted 1 h before the pause, and 3 h remain
		// from Friday 10:00: 10:00–12:00 and 13:30–14:30.
		ServiceClock clock = new ServiceClock(this.calendar, at(12, 3, 15, 0), Duration.ofHours(4),
				List.of(new Pause(at(12, 3, 16, 0), at(12, 4, 10, 0))), null);
		assertThat(clock.elapsed(at(12, 4, 10, 0))).isEqualTo(Duration.ofHours(1));
		assertThat(clock.dueAt(1.0)).isEqualTo(at(12, 4, 14, 30));
		assertThat(clock.breached(at(12, 4, 14, 30))).isFalse();
		assertThat(clock.breached(at(12, 4, 14, 31))).isTrue();
		// The supplier manager's warning at 75 % (3 h counted): Friday 12:00.
		assertThat(clock.dueAt(0.75)).isEqualTo(at(12, 4, 12, 0));
	}

	@Test
	void aClockPausedNowHasNoDeadlineAndDoesNotCountTheWait() {
		ServiceClock clock = new ServiceClock(Timeline.ROUND_THE_CLOCK, at(12, 3, 10, 0), Duration.ofHours(4),
				List.of(new Pause(at(12, 3, 11, 0), null)), null);
		assertThat(clock.paused()).isTrue();
		assertThat(clock.dueAt(1.0)).isNull();
		assertThat(clock.elapsed(at(12, 5, 10, 0))).isEqualTo(Duration.ofHours(1));
		assertThat(clock.breached(at(12, 9, 10, 0))).isFalse();
	}

	@Test
	void aTargetReachedBeforeAPauseThatLastsIsStillFoundButOneAfterItsStartIsNever() {
		// Resolved at 11:00 after 1 h counted: the 75 % warning of a 1 h target came at
		// 10:45; the full 2 h of a longer target would come after the pause began.
		List<Pause> resolved = List.of(new Pause(at(12, 3, 11, 0), null));
		assertThat(new ServiceClock(Timeline.ROUND_THE_CLOCK, at(12, 3, 10, 0), Duration.ofHours(1), resolved, null)
			.reach(0.75)).isEqualTo(at(12, 3, 10, 45));
		assertThat(new ServiceClock(Timeline.ROUND_THE_CLOCK, at(12, 3, 10, 0), Duration.ofHours(2), resolved, null)
			.reach(1.0)).isNull();
	}

	@Test
	void aStoppedClockCountsUntilItStopped() {
		ServiceClock clock = new ServiceClock(Timeline.ROUND_THE_CLOCK, at(12, 3, 10, 0), Duration.ofMinutes(30),
				List.of(), at(12, 3, 10, 20));
		assertThat(clock.elapsed(at(12, 10, 0, 0))).isEqualTo(Duration.ofMinutes(20));
		assertThat(clock.breached(at(12, 10, 0, 0))).isFalse();
		assertThat(clock.dueAt(1.0)).isNull();
	}

}
