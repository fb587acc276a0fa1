package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.govcloud.catalogue.SpecField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Art. 8 rules against figures computed by hand. The host: 8 vCPU, 32 GiB, 100 GiB
 * system disk; contract prices 40.00 per vCPU, 15.00 per GiB of memory, 0.50 per GiB of
 * disk; the per-instance fee only as a tender cap of 10.00.
 */
class RecommendationRulesTests {

	static final LocalDate ON = LocalDate.of(2026, 12, 3);

	static final List<SpecField> HOST = List.of(integer("vcpu", 1, 128), integer("memoryGib", 1, 1024),
			integer("systemDiskGib", 40, 2048));

	static final Map<String, Object> SPEC = Map.of("vcpu", 8L, "memoryGib", 32L, "systemDiskGib", 100L);

	static final List<BilledPrice> PRICES = List.of(contract("vcpu", "40.00"), contract("memoryGib", "15.00"),
			contract("systemDiskGib", "0.50"), tender("instance", "10.00"), tender("vcpu", "45.00"),
			tender("memoryGib", "18.00"));

	final RecommendationRules moderate = new RecommendationRules(RightsizingSettings.defaults());

	@Test
	void conservativeTakesTheHighestDailyP95AggressiveTheMeanModerateTheMeanPlusOneSigma() {
		double[] p95s = { 0.10, 0.20, 0.30, 0.40 };
		assertThat(Mode.CONSERVATIVE.figure(p95s)).isCloseTo(0.40, within(1e-12));
		assertThat(Mode.AGGRESSIVE.figure(p95s)).isCloseTo(0.25, within(1e-12));
		// mean 0.25; squares 0.0225 + 0.0025 + 0.0025 + 0.0225 = 0.05; / 4 = 0.0125;
		// sigma = 0.111803...
		assertThat(Mode.MODERATE.figure(p95s)).isCloseTo(0.25 + Math.sqrt(0.0125), within(1e-12));
		assertThat(Mode.MODERATE.figure(new double[0])).isNaN();
	}

	@Test
	void aHostUnderThirtyPercentInModerateModeIsDownsizedToKeepSixtyPercentAndSavesAtTheContractPrice() {
		// CPU p95s alternate 0.10 / 0.20: mean 0.15, sigma 0.05 -> 0.20; memory 0.25 flat
		Recommendation r = this.moderate.recommend(facts(alternating(10, 0.10, 0.20, 0.25)), ON);
		assertThat(r.action()).isEqualTo(Action.DOWNSIZE);
		assertThat(r.cpuFigure()).isCloseTo(0.20, within(1e-12));
		assertThat(r.memoryFigure()).isCloseTo(0.25, within(1e-12));
		assertThat(r.daysMeasured()).isEqualTo(10);
		// vCPU: ceil(0.20 x 8 / 0.6) = ceil(2.67) = 3; memory: ceil(0.25 x 32 / 0.6) = 14
		assertThat(r.recommendedSpec()).containsEntry("vcpu", 3L)
			.containsEntry("memoryGib", 14L)
			.containsEntry("systemDiskGib", 100L);
		// (8 - 3) x 40.00 + (32 - 14) x 15.00 = 200 + 270 = 470.00; x 12 = 5,640.00
		assertThat(r.monthlySaving()).isEqualByComparingTo("470.00");
		assertThat(r.yearlySaving()).isEqualByComparingTo("5640.00");
	}

	@Test
	void aggressiveModeSizesOnTheMeanAndAnExactFitIsNotRoundedUp() {
		RecommendationRules aggressive = rules(Mode.AGGRESSIVE);
		Recommendation r = aggressive.recommend(facts(alternating(10, 0.10, 0.20, 0.25)), ON);
		// CPU mean 0.15: 0.15 x 8 / 0.6 = 2 exactly (in floating point
		// 2.0000000000000004)
		assertThat(r.recommendedSpec()).containsEntry("vcpu", 2L).containsEntry("memoryGib", 14L);
		// 6 x 40 + 18 x 15 = 510.00
		assertThat(r.monthlySaving()).isEqualByComparingTo("510.00");
	}

	@Test
	void conservativeModeKeepsAHostWhoseBusiestDayIsAboveThirtyPercent() {
		List<DailyUsage> days = alternating(10, 0.10, 0.35, 0.25);
		assertThat(rules(Mode.AGGRESSIVE).recommend(facts(days), ON).action()).isEqualTo(Action.DOWNSIZE);
		Recommendation r = rules(Mode.CONSERVATIVE).recommend(facts(days), ON);
		assertThat(r.action()).isEqualTo(Action.KEEP);
		assertThat(r.cpuFigure()).isCloseTo(0.35, within(1e-12));
		assertThat(r.recommendedSpec()).isNull();
		assertThat(r.monthlySaving()).isEqualByComparingTo("0");
	}

	@Test
	void aMemoryBoundHostIsNotDownsizedForItsIdleCpuAndIsUpsizedInMemoryOnly() {
		assertThat(this.moderate.recommend(facts(alternating(10, 0.10, 0.10, 0.50)), ON).action())
			.isEqualTo(Action.KEEP);
		Recommendation r = this.moderate.recommend(facts(alternating(10, 0.10, 0.10, 0.85)), ON);
		assertThat(r.action()).isEqualTo(Action.UPSIZE);
		// memory: ceil(0.85 x 32 / 0.6) = ceil(45.33) = 46; vCPU untouched
		assertThat(r.recommendedSpec()).containsEntry("memoryGib", 46L).containsEntry("vcpu", 8L);
		// it costs (46 - 32) x 15.00 = 210.00 a month more
		assertThat(r.monthlySaving()).isEqualByComparingTo("-210.00");
		assertThat(r.yearlySaving()).isEqualByComparingTo("-2520.00");
	}

	@Test
	void aHostAtEightyPercentCpuIsUpsizedAndOneJustBelowIsKept() {
		Recommendation r = this.moderate.recommend(facts(alternating(10, 0.80, 0.80, 0.40)), ON);
		assertThat(r.action()).isEqualTo(Action.UPSIZE);
		// ceil(0.80 x 8 / 0.6) = ceil(10.67) = 11: 3 x 40.00 more
		assertThat(r.recommendedSpec()).containsEntry("vcpu", 11L).containsEntry("memoryGib", 32L);
		assertThat(r.monthlySaving()).isEqualByComparingTo("-120.00");
		assertThat(this.moderate.recommend(facts(alternating(10, 0.79, 0.79, 0.40)), ON).action())
			.isEqualTo(Action.KEEP);
	}

	@Test
	void anIdleHostIsReleasedAndEveryBilledDimensionIsSavedWithTheTenderCapWhereTheContractHasNoPrice() {
		List<DailyUsage> days = new ArrayList<>();
		for (int i = 1; i <= 14; i++) {
			days.add(new DailyUsage(ON.minusDays(i), 0.02, (i == 5) ? 0.05 : 0.03, 0.20, 0.22));
		}
		Recommendation r = this.moderate.recommend(facts(days), ON);
		assertThat(r.action()).isEqualTo(Action.RELEASE);
		assertThat(r.supplierToCheck()).isFalse();
		// 8 x 40.00 + 32 x 15.00 + 100 x 0.50 + 1 x 10.00 (tender cap) = 860.00
		assertThat(r.monthlySaving()).isEqualByComparingTo("860.00");
		assertThat(r.yearlySaving()).isEqualByComparingTo("10320.00");
		days.set(4, new DailyUsage(ON.minusDays(5), 0.02, 0.051, 0.20, 0.22));
		assertThat(this.moderate.recommend(facts(days), ON).action()).isEqualTo(Action.DOWNSIZE);
	}

	@Test
	void anActiveHostWithNoDataForFourteenDaysIsReleasedForTheSupplierToCheckFirst() {
		List<DailyUsage> old = new ArrayList<>();
		for (int i = 15; i <= 30; i++) {
			old.add(new DailyUsage(ON.minusDays(i), 0.50, 0.70, 0.50, 0.60));
		}
		Recommendation r = this.moderate.recommend(facts(old), ON);
		assertThat(r.action()).isEqualTo(Action.RELEASE);
		assertThat(r.supplierToCheck()).isTrue();
		assertThat(r.monthlySaving()).isEqualByComparingTo("860.00");
		InstanceFacts stopped = new InstanceFacts(false, SPEC, HOST, PRICES, List.of());
		assertThat(this.moderate.recommend(stopped, ON).action()).isEqualTo(Action.INSUFFICIENT_DATA);
	}

	@Test
	void sixDaysWithDataAreInsufficientAndSevenAreEnough() {
		Recommendation six = this.moderate.recommend(facts(alternating(6, 0.10, 0.10, 0.10)), ON);
		assertThat(six.action()).isEqualTo(Action.INSUFFICIENT_DATA);
		assertThat(six.daysMeasured()).isEqualTo(6);
		assertThat(six.recommendedSpec()).isNull();
		assertThat(six.monthlySaving()).isEqualByComparingTo("0");
		assertThat(this.moderate.recommend(facts(alternating(7, 0.10, 0.10, 0.10)), ON).action())
			.isEqualTo(Action.DOWNSIZE);
		// days before the 30-day window do not count
		List<DailyUsage> days = new ArrayList<>(alternating(6, 0.10, 0.10, 0.10));
		days.add(new DailyUsage(ON.minusDays(31), 0.10, 0.5, 0.10, 0.2));
		assertThat(this.moderate.recommend(facts(days), ON).action()).isEqualTo(Action.INSUFFICIENT_DATA);
	}

	@Test
	void theNewSizeIsRoundedToTheKindsChoicesAndItsMinimum() {
		List<SpecField> kind = List.of(choice("vcpu", "2", "4", "8", "16"), integer("memoryGib", 4, 512));
		Map<String, Object> spec = Map.of("vcpu", 16L, "memoryGib", 32L);
		InstanceFacts facts = new InstanceFacts(true, spec, kind, PRICES, alternating(10, 0.20, 0.20, 0.05));
		Recommendation r = this.moderate.recommend(facts, ON);
		// vCPU: ceil(0.20 x 16 / 0.6) = 6 -> the next choice, 8; memory: ceil(0.05 x 32 /
		// 0.6) = 3 -> the minimum, 4
		assertThat(r.recommendedSpec()).containsEntry("vcpu", 8L).containsEntry("memoryGib", 4L);
		// 8 x 40.00 + 28 x 15.00 = 740.00
		assertThat(r.monthlySaving()).isEqualByComparingTo("740.00");
	}

	@Test
	void theSavingIsAtThePriceInForceOnTheComputingDay() {
		List<BilledPrice> prices = List.of(
				new BilledPrice("vcpu", new BigDecimal("40.00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 2),
						true),
				new BilledPrice("vcpu", new BigDecimal("35.00"), LocalDate.of(2026, 12, 3), null, true),
				tender("vcpu", "45.00"), tender("memoryGib", "18.00"));
		InstanceFacts facts = new InstanceFacts(true, SPEC, HOST, prices, alternating(10, 0.10, 0.20, 0.25));
		// 5 x 35.00 (contract from 3 Dec) + 18 x 18.00 (tender cap) = 175 + 324 = 499.00
		assertThat(this.moderate.recommend(facts, ON).monthlySaving()).isEqualByComparingTo("499.00");
		// the day before: 5 x 40.00 + 324 = 524.00
		assertThat(this.moderate.recommend(facts, ON.minusDays(1)).monthlySaving()).isEqualByComparingTo("524.00");
	}

	static RecommendationRules rules(Mode mode) {
		return new RecommendationRules(RightsizingSettings.defaults().withMode(mode));
	}

	static InstanceFacts facts(List<DailyUsage> days) {
		return new InstanceFacts(true, SPEC, HOST, PRICES, days);
	}

	/**
	 * {@code count} days before {@link #ON}, CPU p95 alternating a, b (highest 0.50, not
	 * idle), memory p95 flat.
	 */
	static List<DailyUsage> alternating(int count, double a, double b, double memory) {
		List<DailyUsage> days = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			days.add(new DailyUsage(ON.minusDays(i), (i % 2 == 0) ? a : b, 0.50, memory, memory));
		}
		return days;
	}

	static SpecField integer(String name, long min, long max) {
		return new SpecField(name, name, name, SpecField.Type.INTEGER, min, max, null, "");
	}

	static SpecField choice(String name, String... choices) {
		return new SpecField(name, name, name, SpecField.Type.CHOICE, null, null, List.of(choices), "");
	}

	static BilledPrice contract(String dimension, String price) {
		return new BilledPrice(dimension, new BigDecimal(price), LocalDate.of(2026, 1, 1), null, true);
	}

	static BilledPrice tender(String dimension, String price) {
		return new BilledPrice(dimension, new BigDecimal(price), LocalDate.of(2025, 1, 1), null, false);
	}

}
