package cn.govcloud.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.govcloud.calendar.CalendarDay.Kind;
import cn.govcloud.calendar.WorkingCalendar.WorkingPeriod;
import cn.govcloud.shared.CityTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Working days counted over the 2026 National Day holiday and its adjusted Saturday. */
class WorkingCalendarTests {

	private final WorkingCalendar calendar = new WorkingCalendar(CityTime.ZONE,
			List.of(new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(17, 0))),
			Map.of(LocalDate.of(2026, 10, 1), Kind.HOLIDAY, LocalDate.of(2026, 10, 2), Kind.HOLIDAY,
					LocalDate.of(2026, 10, 5), Kind.HOLIDAY, LocalDate.of(2026, 10, 6), Kind.HOLIDAY,
					LocalDate.of(2026, 10, 7), Kind.HOLIDAY, LocalDate.of(2026, 10, 10), Kind.WORKDAY));

	@Test
	void theFifthWorkingDayOfOctoberFallsAfterTheHolidayAndCountsTheAdjustedSaturday() {
		// Worked: Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13.
		assertThat(this.calendar.workingDayOf(YearMonth.of(2026, 10), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(this.calendar.workingDayOf(YearMonth.of(2026, 10), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
		// December 2026 starts on a Tuesday: the 5th working day is Monday the 7th.
		assertThat(this.calendar.workingDayOf(YearMonth.of(2026, 12), 5)).isEqualTo(LocalDate.of(2026, 12, 7));
	}

	@Test
	void tenWorkingDaysFromTheLastDayBeforeTheHoliday() {
		// From Wed 30 Sep: 8, 9, 10, 12, 13, 14, 15, 16, 19, 20 October.
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 10)).isEqualTo(LocalDate.of(2026, 10, 20));
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 8));
	}

	@Test
	void aDayWithoutWorkingHoursOrAPeriodEndingBeforeItStartsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkingCalendar(CityTime.ZONE, List.of(), Map.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkingPeriod(LocalTime.of(12, 0), LocalTime.of(8, 30)));
	}

}
