package cn.govcloud.assessment;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The score arithmetic of Art. 19, every figure computed by hand in the comments. */
class ScoringTests {

	private static final Curve ATTAINMENT = new Curve(60, 100);

	private static final Curve STARS = new Curve(1, 5);

	static final AssessmentRules RULES = new AssessmentRules(2026, 1,
			Map.of(Dimension.SERVICE_RESPONSE, 40, Dimension.SATISFACTION, 30, Dimension.QUALITY, 30),
			List.of(new Indicator("FIRST_RESPONSE", Dimension.SERVICE_RESPONSE, 50, "servicedesk", ATTAINMENT),
					new Indicator("RESOLUTION", Dimension.SERVICE_RESPONSE, 50, "servicedesk", ATTAINMENT),
					new Indicator("TICKET_RATINGS", Dimension.SATISFACTION, 40, "servicedesk", STARS),
					new Indicator("SURVEYS", Dimension.SATISFACTION, 60, "assessment", STARS),
					new Indicator("OBLIGATIONS_ON_TIME", Dimension.QUALITY, 30, "reporting", ATTAINMENT),
					new Indicator("RECTIFICATIONS_ON_TIME", Dimension.QUALITY, 30, "security", ATTAINMENT),
					new Indicator("P1_FAULTS", Dimension.QUALITY, 20, "servicedesk", new Curve(5, 0)),
					new Indicator("AVAILABILITY", Dimension.QUALITY, 20, "metering", new Curve(99, 99.9))),
			PaymentTable.DEFAULT);

	private static Map<String, Double> allMeasured() {
		Map<String, Double> measured = new HashMap<>();
		measured.put("FIRST_RESPONSE", 90.0); // (90 − 60) / 40 → 75 points
		measured.put("RESOLUTION", 80.0); // 50 points
		measured.put("TICKET_RATINGS", 4.6); // (4.6 − 1) / 4 → 90 points
		measured.put("SURVEYS", 4.2); // 80 points
		measured.put("OBLIGATIONS_ON_TIME", 100.0); // 100 points
		measured.put("RECTIFICATIONS_ON_TIME", 90.0); // 75 points
		measured.put("P1_FAULTS", 1.0); // (1 − 5) / (0 − 5) → 80 points
		measured.put("AVAILABILITY", 99.45); // 0.45 / 0.9 → 50 points
		return measured;
	}

	@Test
	void weightsCombineIndicatorsIntoDimensionsAndDimensionsIntoTheTotal() {
		// Service response (50 × 75 + 50 × 50) / 100 = 62.5; satisfaction (40 × 90 + 60 ×
		// 80) / 100 = 84; quality (30 × 100 + 30 × 75 + 20 × 80 + 20 × 50) / 100 = 78.5.
		// Total 0.4 × 62.5 + 0.3 × 84 + 0.3 × 78.5 = 25 + 25.2 + 23.55 = 73.75.
		ScoreCard card = Scoring.score(RULES, allMeasured(), List.of());
		assertThat(card.computed()).isCloseTo(73.75, within(1e-9));
		assertThat(card.total()).isCloseTo(73.75, within(1e-9));
		assertThat(line(card, "FIRST_RESPONSE").effectiveWeight()).isCloseTo(20.0, within(1e-9));
		assertThat(line(card, "P1_FAULTS").effectiveWeight()).isCloseTo(6.0, within(1e-9));
		assertThat(card.lines().stream().mapToDouble(ScoreCard.Line::effectiveWeight).sum()).isCloseTo(100.0,
				within(1e-9));
		assertThat(RULES.payments().bandOf(card.total()).ratioPercent()).isEqualTo(90);
	}

	@Test
	void indicatorsWithoutDataShowNoDataAndTheirWeightIsSharedOverTheOthersVisibly() {
		// Reporting and security are not built: obligations and rectifications have no
		// data. Quality is (20 × 80 + 20 × 50) / 40 = 65; total 25 + 25.2 + 0.3 × 65 =
		// 69.7:
		// below 70, 80 % and do not continue.
		Map<String, Double> measured = allMeasured();
		measured.remove("OBLIGATIONS_ON_TIME");
		measured.put("RECTIFICATIONS_ON_TIME", null);
		ScoreCard card = Scoring.score(RULES, measured, List.of());
		assertThat(card.total()).isCloseTo(69.7, within(1e-9));
		ScoreCard.Line obligations = line(card, "OBLIGATIONS_ON_TIME");
		assertThat(obligations.value()).isNull();
		assertThat(obligations.points()).isNull();
		assertThat(obligations.effectiveWeight()).isZero();
		// P1 faults: 30 × 20 / 40 = 15 % of the total instead of 6 %.
		assertThat(line(card, "P1_FAULTS").effectiveWeight()).isCloseTo(15.0, within(1e-9));
		PaymentTable.Band band = RULES.payments().bandOf(card.total());
		assertThat(band.ratioPercent()).isEqualTo(80);
		assertThat(band.continues()).isFalse();
	}

	@Test
	void aYearWithNoTicketsLeavesServiceResponseOutAndSharesItsWeightOverTheOtherDimensions() {
		// No tickets: both attainments and the ticket ratings have no data, so service
		// response has none. Satisfaction = surveys = 80; quality (reporting and security
		// not built) = 65. Total (30 × 80 + 30 × 65) / 60 = 72.5.
		Map<String, Double> measured = Map.of("SURVEYS", 4.2, "P1_FAULTS", 1.0, "AVAILABILITY", 99.45);
		ScoreCard card = Scoring.score(RULES, measured, List.of());
		assertThat(card.total()).isCloseTo(72.5, within(1e-9));
		// Surveys: 100 × 30 / 60 × 60 / 60 = 50 %; P1 faults 100 × 30 / 60 × 20 / 40 = 25
		// %.
		assertThat(line(card, "SURVEYS").effectiveWeight()).isCloseTo(50.0, within(1e-9));
		assertThat(line(card, "P1_FAULTS").effectiveWeight()).isCloseTo(25.0, within(1e-9));
		assertThat(line(card, "FIRST_RESPONSE").effectiveWeight()).isZero();
	}

	@Test
	void nothingMeasuredIsNoScoreNotZero() {
		ScoreCard card = Scoring.score(RULES, Map.of(), List.of(new Adjustment(5, "奖励")));
		assertThat(card.computed()).isNull();
		assertThat(card.total()).isNull();
	}

	@Test
	void adjustmentsAddToTheComputedScoreWithinZeroToHundred() {
		// 73.75 + 5 − 1.5 = 77.25; + 40 would be 113.75, kept at 100.
		ScoreCard card = Scoring.score(RULES, allMeasured(),
				List.of(new Adjustment(5, "重大保障表现突出"), new Adjustment(-1.5, "一次通报")));
		assertThat(card.adjusted()).isEqualTo(3.5);
		assertThat(card.total()).isCloseTo(77.25, within(1e-9));
		assertThat(Scoring.score(RULES, allMeasured(), List.of(new Adjustment(40, "x"))).total()).isEqualTo(100.0);
		assertThat(Scoring.score(RULES, allMeasured(), List.of(new Adjustment(-90, "x"))).total()).isEqualTo(0.0);
		assertThatThrownBy(() -> new Adjustment(2, " ")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void curvesRiseOrFallLinearlyAndAreFlatBeyondTheirEnds() {
		assertThat(ATTAINMENT.points(50)).isZero();
		assertThat(ATTAINMENT.points(70)).isEqualTo(25.0);
		assertThat(ATTAINMENT.points(110)).isEqualTo(100.0);
		Curve faults = new Curve(5, 0);
		assertThat(faults.points(0)).isEqualTo(100.0);
		assertThat(faults.points(2.5)).isEqualTo(50.0);
		assertThat(faults.points(7)).isZero();
		assertThatThrownBy(() -> new Curve(3, 3)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void thePaymentTableSetsTheRatioAtItsBoundsAndEachContractsDueIsTotalTimesRatio() {
		PaymentTable table = PaymentTable.DEFAULT;
		assertThat(table.bandOf(90).ratioPercent()).isEqualTo(100);
		assertThat(table.bandOf(89.99).ratioPercent()).isEqualTo(95);
		assertThat(table.bandOf(80).ratioPercent()).isEqualTo(95);
		assertThat(table.bandOf(70).ratioPercent()).isEqualTo(90);
		assertThat(table.bandOf(69.99).continues()).isFalse();
		assertThat(table.due(new BigDecimal("120000.00"), 73.75)).isEqualByComparingTo("108000.00");
		// 99,999.99 × 95 % = 94,999.9905 → 94,999.99
		assertThat(table.due(new BigDecimal("99999.99"), 85)).isEqualByComparingTo("94999.99");
	}

	@Test
	void rulesWhoseWeightsDoNotSumToHundredAreRefused() {
		assertThatThrownBy(() -> new AssessmentRules(2026, 1,
				Map.of(Dimension.SERVICE_RESPONSE, 40, Dimension.SATISFACTION, 30, Dimension.QUALITY, 20), List.of(),
				PaymentTable.DEFAULT))
			.hasMessageContaining("100");
		assertThatThrownBy(() -> new AssessmentRules(2026, 1,
				Map.of(Dimension.SERVICE_RESPONSE, 40, Dimension.SATISFACTION, 30, Dimension.QUALITY, 30),
				List.of(new Indicator("A", Dimension.QUALITY, 60, "x", ATTAINMENT)), PaymentTable.DEFAULT))
			.hasMessageContaining("QUALITY");
	}

	private static ScoreCard.Line line(ScoreCard card, String code) {
		return card.lines().stream().filter((l) -> l.indicator().code().equals(code)).findFirst().orElseThrow();
	}

}
