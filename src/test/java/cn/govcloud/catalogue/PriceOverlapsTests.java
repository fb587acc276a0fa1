package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceOverlapsTests {

	private static final UUID EARLIER = UUID.randomUUID();

	private static final UUID OTHER = UUID.randomUUID();

	@Test
	void touchingPeriodsDoNotOverlap() {
		assertThat(period("2026-01-01", "2026-06-30").overlaps(period("2026-07-01", null))).isFalse();
		assertThat(within(line("2026-01-01", "2026-06-30"), line("2026-07-01", null))).isEmpty();
	}

	@Test
	void oneSharedDayIsAnOverlapNamingTheOtherLineAndTheDay() {
		assertThat(period("2026-01-01", "2026-07-01").overlap(period("2026-07-01", null)))
			.contains(period("2026-07-01", "2026-07-01"));
		List<FieldProblem> problems = PriceOverlaps
			.within(List.of(line("2026-01-01", "2026-07-01"), line("2026-07-01", null)), FieldNames.JSON);
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("lines[1].effectiveFrom");
			assertThat(problem.code()).isEqualTo("price.overlap.inList");
			assertThat(problem.args()).contains("CLOUD_HOST", "vcpu", LocalDate.parse("2026-07-01"));
		});
	}

	@Test
	void anOpenEndOverlapsEverythingThatStartsLater() {
		assertThat(period("2026-01-01", null).overlaps(period("2030-01-01", "2030-12-31"))).isTrue();
		assertThat(period("2030-01-01", "2030-12-31").overlaps(period("2026-01-01", null))).isTrue();
		assertThat(period("2026-01-01", null).overlap(period("2027-03-01", null))).contains(period("2027-03-01", null));
		assertThat(period("2026-01-01", "2026-03-31").overlaps(period("2026-05-01", "2026-06-30"))).isFalse();
	}

	@Test
	void onlyTheSameKindAndDimensionCanOverlap() {
		Line memory = new Line("CLOUD_HOST", "memoryGib", BillingUnit.GIB_MONTH, BigDecimal.ONE,
				LocalDate.parse("2026-01-01"), null);
		assertThat(within(line("2026-01-01", null), memory)).isEmpty();
	}

	@Test
	void anOverlapWithARecordedListNamesItsTenderAndTheDaysShared() {
		List<FieldProblem> problems = PriceOverlaps.againstRecorded(List.of(line("2026-03-01", "2026-12-31")),
				List.of(recorded(OTHER, "ZB-2025-07", "2026-01-01", null)), null, FieldNames.JSON);
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("lines[0].effectiveFrom");
			assertThat(problem.code()).isEqualTo("price.overlap.existing");
			assertThat(problem.args()).contains("ZB-2025-07", LocalDate.parse("2026-01-01"),
					LocalDate.parse("2026-03-01"), LocalDate.parse("2026-12-31"));
		});
		assertThat(PriceOverlaps.againstRecorded(List.of(line("2027-01-01", null)),
				List.of(recorded(OTHER, "ZB-2025-07", "2026-01-01", "2026-12-31")), null, FieldNames.JSON))
			.isEmpty();
	}

	@Test
	void aSupersedingListCutsTheEarlierOpenEndedPriceShortTheDayBeforeItsOwn() {
		RecordedLine open = recorded(EARLIER, "ZB-2025-07", "2026-01-01", null);
		List<Line> lines = List.of(line("2026-07-01", null));
		assertThat(PriceOverlaps.againstRecorded(lines, List.of(open), EARLIER, FieldNames.JSON)).isEmpty();
		assertThat(PriceOverlaps.cuts(lines, List.of(open), EARLIER))
			.isEqualTo(Map.of(open, period("2026-01-01", "2026-06-30")));
	}

	@Test
	void supersedingLeavesOtherListsItemsAndPastPricesAlone() {
		RecordedLine other = recorded(OTHER, "ZB-2024-01", "2026-01-01", null);
		RecordedLine past = recorded(EARLIER, "ZB-2025-07", "2025-01-01", "2025-12-31");
		RecordedLine memory = new RecordedLine(UUID.randomUUID(), EARLIER, "ZB-2025-07", "CLOUD_HOST", "memoryGib",
				period("2026-01-01", null));
		List<Line> lines = List.of(line("2026-07-01", null));
		assertThat(PriceOverlaps.cuts(lines, List.of(other, past, memory), EARLIER)).isEmpty();
		assertThat(PriceOverlaps.againstRecorded(lines, List.of(other, past, memory), EARLIER, FieldNames.JSON))
			.extracting(FieldProblem::code)
			.containsExactly("price.overlap.existing");
	}

	@Test
	void aPriceOfTheSupersededListStartingOnOrAfterTheNewStartCannotBeCutAndOverlaps() {
		RecordedLine later = recorded(EARLIER, "ZB-2025-07", "2026-07-01", null);
		List<Line> lines = List.of(line("2026-07-01", null));
		assertThat(PriceOverlaps.cuts(lines, List.of(later), EARLIER)).isEmpty();
		assertThat(PriceOverlaps.againstRecorded(lines, List.of(later), EARLIER, FieldNames.JSON)).hasSize(1);
	}

	private static List<FieldProblem> within(Line... lines) {
		return PriceOverlaps.within(List.of(lines), FieldNames.JSON);
	}

	private static Line line(String from, String to) {
		return new Line("CLOUD_HOST", "vcpu", BillingUnit.VCPU_MONTH, new BigDecimal("45.00"), LocalDate.parse(from),
				(to != null) ? LocalDate.parse(to) : null);
	}

	private static RecordedLine recorded(UUID list, String tender, String from, String to) {
		return new RecordedLine(UUID.randomUUID(), list, tender, "CLOUD_HOST", "vcpu", period(from, to));
	}

	private static EffectivePeriod period(String from, String to) {
		return new EffectivePeriod(LocalDate.parse(from), (to != null) ? LocalDate.parse(to) : null);
	}

}
