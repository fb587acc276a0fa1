package cn.govcloud.reporting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.govcloud.calendar.CalendarDay;
import cn.govcloud.calendar.WorkingCalendar;
import cn.govcloud.calendar.WorkingCalendar.WorkingPeriod;
import cn.govcloud.reporting.ObligationRule.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObligationRuleTests {

	/** The National Day week of 2026 as a holiday (1–7 October), no adjusted days. */
	private static final WorkingCalendar NATIONAL_DAY = calendar();

	private static WorkingCalendar calendar() {
		Map<LocalDate, CalendarDay.Kind> days = new HashMap<>();
		for (int d = 1; d <= 7; d++) {
			days.put(LocalDate.of(2026, 10, d), CalendarDay.Kind.HOLIDAY);
		}
		return new WorkingCalendar(ZoneId.of("Asia/Shanghai"),
				List.of(new WorkingPeriod(LocalTime.of(9, 0), LocalTime.of(17, 30))), days);
	}

	@Test
	void lateDaysCountOnlyWorkingDaysSoAHolidayWeekIsNotCounted() {
		LocalDate due = LocalDate.of(2026, 9, 30);
		assertThat(ObligationRule.workingDaysLate(due, LocalDate.of(2026, 9, 30), NATIONAL_DAY)).isZero();
		assertThat(ObligationRule.workingDaysLate(due, LocalDate.of(2026, 9, 29), NATIONAL_DAY)).isZero();
		// 1–7 October are the holiday: only Thursday the 8th is a working day late.
		assertThat(ObligationRule.workingDaysLate(due, LocalDate.of(2026, 10, 8), NATIONAL_DAY)).isOne();
		assertThat(ObligationRule.workingDaysLate(due, LocalDate.of(2026, 10, 12), NATIONAL_DAY))
			.as("8, 9 and 12 October; the weekend is not counted")
			.isEqualTo(3);
	}

	@Test
	void aMonthlyObligationIsDueOnTheNthWorkingDayOfTheNextMonthCountingHolidays() {
		ObligationRule rule = new ObligationRule(ObligationKind.SECURITY_BULLETIN, Period.MONTH, 5);
		// September's: October's 5th working day is the 14th (1–7 holiday; 8, 9, 12, 13,
		// 14).
		assertThat(rule.dueOn(LocalDate.of(2026, 9, 1), NATIONAL_DAY)).isEqualTo(LocalDate.of(2026, 10, 14));
		assertThat(rule.dueOn(LocalDate.of(2026, 10, 1), NATIONAL_DAY)).isEqualTo(LocalDate.of(2026, 11, 6));
	}

	@Test
	void periodsStartOnTheFirstOfTheirMonthQuarterOrYear() {
		assertThat(Period.QUARTER.startOf(LocalDate.of(2026, 5, 17))).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(Period.QUARTER.endOf(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(Period.YEAR.startOf(LocalDate.of(2026, 12, 3))).isEqualTo(LocalDate.of(2026, 1, 1));
		ObligationRule drill = new ObligationRule(ObligationKind.EMERGENCY_DRILL, Period.YEAR, 20);
		assertThat(drill.dueOn(LocalDate.of(2026, 1, 1), NATIONAL_DAY)).isEqualTo(LocalDate.of(2027, 1, 28));
	}

}
