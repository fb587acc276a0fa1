package cn.govcloud.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

import cn.govcloud.security.BackupSchedule.Outcome;
import cn.govcloud.security.BackupSchedule.Period;
import cn.govcloud.security.BackupSchedule.Run;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup runs against a policy's schedule (Art. 16), worked out by hand, and the CSV of
 * runs, without Spring.
 */
class BackupScheduleTests {

	private static Instant city(String local) {
		return LocalDateTime.parse(local).atZone(CityTime.ZONE).toInstant();
	}

	private static Run run(String local, BackupResult result) {
		return new Run(city(local), result);
	}

	private static List<Outcome> outcomes(List<Period> periods) {
		return periods.stream().map(Period::outcome).toList();
	}

	@Test
	void aDailyPolicyFromTheThirdIsMetFailedOrMissedPerDayAndPendingUntilTheDayIsOver() {
		BackupSchedule daily = new BackupSchedule(BackupFrequency.DAILY, LocalTime.of(2, 0), null, null,
				LocalDate.of(2026, 11, 3));
		List<Run> runs = List.of(run("2026-11-03T03:00", BackupResult.SUCCESS),
				// a failure retried with success in the same period is met
				run("2026-11-04T02:10", BackupResult.FAILED), run("2026-11-04T05:00", BackupResult.SUCCESS),
				run("2026-11-05T02:10", BackupResult.FAILED),
				// 01:59 on the 7th still belongs to the period opened at 02:00 on the 6th
				run("2026-11-07T01:59", BackupResult.SUCCESS),
				// before the policy's first day: not counted
				run("2026-11-02T02:30", BackupResult.SUCCESS));
		List<Period> periods = daily.periods(YearMonth.of(2026, 11), runs, city("2026-11-10T12:00"));

		// 3 … 30 November: 28 periods; those of the 3rd to the 9th are over (the 9th's
		// ends
		// at 02:00 on the 10th), the 10th's runs until 02:00 on the 11th.
		assertThat(periods).hasSize(28);
		assertThat(periods.get(0).start()).isEqualTo(Instant.parse("2026-11-02T18:00:00Z"));
		assertThat(periods.get(0).end()).isEqualTo(Instant.parse("2026-11-03T18:00:00Z"));
		assertThat(outcomes(periods.subList(0, 7))).containsExactly(Outcome.MET, Outcome.MET, Outcome.FAILED,
				Outcome.MET, Outcome.MISSED, Outcome.MISSED, Outcome.MISSED);
		assertThat(outcomes(periods.subList(7, 28))).containsOnly(Outcome.PENDING);
	}

	@Test
	void aWeeklyPolicyJudgesEachWeekAndItsLastWeekReachesIntoTheNextMonth() {
		BackupSchedule weekly = new BackupSchedule(BackupFrequency.WEEKLY, LocalTime.of(23, 30), 1, null,
				LocalDate.of(2026, 10, 1));
		List<Run> runs = List.of(run("2026-11-03T00:05", BackupResult.SUCCESS),
				run("2026-11-16T23:29", BackupResult.FAILED), run("2026-11-16T23:31", BackupResult.SUCCESS),
				run("2026-12-01T00:10", BackupResult.SUCCESS));
		List<Period> periods = weekly.periods(YearMonth.of(2026, 11), runs, city("2026-12-10T00:00"));

		// The Mondays of November 2026: the 2nd, 9th, 16th, 23rd and 30th.
		assertThat(periods).extracting((p) -> p.start().atZone(CityTime.ZONE).toLocalDate())
			.containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16),
					LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30));
		assertThat(outcomes(periods)).containsExactly(Outcome.MET, Outcome.FAILED, Outcome.MET, Outcome.MISSED,
				Outcome.MET);
	}

	@Test
	void aMonthlyPolicyStartingAfterItsDayWaitsForTheNextMonth() {
		BackupSchedule monthly = new BackupSchedule(BackupFrequency.MONTHLY, LocalTime.MIDNIGHT, null, 28,
				LocalDate.of(2026, 11, 29));
		assertThat(monthly.periods(YearMonth.of(2026, 11), List.of(), city("2027-01-05T00:00"))).isEmpty();
		List<Period> december = monthly.periods(YearMonth.of(2026, 12), List.of(), city("2026-12-31T00:00"));
		assertThat(december).singleElement().satisfies((p) -> {
			assertThat(p.start()).isEqualTo(city("2026-12-28T00:00"));
			assertThat(p.end()).isEqualTo(city("2027-01-28T00:00"));
			assertThat(p.outcome()).isEqualTo(Outcome.PENDING);
		});
		assertThat(outcomes(monthly.periods(YearMonth.of(2026, 12), List.of(), city("2027-01-28T00:00"))))
			.containsExactly(Outcome.MISSED);
	}

	@Test
	void aCsvOfRunsIsReadWithCityAndOffsetTimes() {
		List<BackupRunForm> runs = BackupRunFile.read("""
				\uFEFFinstance,started_at,finished_at,size_bytes,result
				db-01,2026-12-03 02:00,2026-12-03T02:40:00+08:00,1048576,success

				web-01,2026-12-03 02:00:30,2026-12-03 02:05,0,FAILED
				""".getBytes(StandardCharsets.UTF_8));
		assertThat(runs).hasSize(2);
		assertThat(runs.get(0).startedAt()).isEqualTo(Instant.parse("2026-12-02T18:00:00Z"));
		assertThat(runs.get(0).finishedAt()).isEqualTo(Instant.parse("2026-12-02T18:40:00Z"));
		assertThat(runs.get(0).sizeBytes()).isEqualTo(1048576L);
		assertThat(runs.get(0).result()).isEqualTo(BackupResult.SUCCESS);
		assertThat(runs.get(1).result()).isEqualTo(BackupResult.FAILED);
	}

	@Test
	void everyBadCellOfTheCsvIsNamedWithItsRowAndColumn() {
		assertThatThrownBy(() -> BackupRunFile.read("""
				instance,started_at,finished_at,size_bytes,result
				db-01,2026-12-03 02:00,2026-12-03 02:40,10,SUCCESS
				db-01,yesterday,2026-12-03 02:40,10,SUCCESS
				db-01,2026-12-04 02:00,2026-12-04 02:40,-1,PARTIAL
				db-01,2026-12-05 02:00,10,SUCCESS
				db-01,2026-12-06 02:00,2026-13-06 02:40,1.5,SUCCESS
				""".getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.problems()).extracting(FieldProblem::field, FieldProblem::code)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("rows[3].started_at", "access.file.time"),
							org.assertj.core.groups.Tuple.tuple("rows[4].size_bytes", "backup.run.size.invalid"),
							org.assertj.core.groups.Tuple.tuple("rows[4].result", "backup.run.result"),
							org.assertj.core.groups.Tuple.tuple("rows[5]", "access.file.columns"),
							org.assertj.core.groups.Tuple.tuple("rows[6].finished_at", "access.file.time"),
							org.assertj.core.groups.Tuple.tuple("rows[6].size_bytes", "backup.run.size.invalid")));
		assertThatThrownBy(() -> BackupRunFile.read("instance,started_at\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems().get(0).code()).isEqualTo("access.file.header"));
		assertThatThrownBy(() -> BackupRunFile.read(new byte[0])).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.problems().get(0).field()).isEqualTo("file"));
	}

}
