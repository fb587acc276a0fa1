package cn.govcloud.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.govcloud.assessment.RulesForm.BandRow;
import cn.govcloud.assessment.RulesForm.IndicatorRow;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The Commission's rules as entered (Art. 19): every bad field named, nothing built while
 * one remains; good rules score as hand-computed.
 */
class RulesCheckTests {

	static RulesForm good() {
		return new RulesForm(50, 25, 25,
				List.of(new IndicatorRow("FIRST_RESPONSE", "SERVICE_RESPONSE", 100, 50.0, 100.0),
						new IndicatorRow("SURVEYS", "SATISFACTION", 100, 2.0, 5.0),
						new IndicatorRow("P1_FAULTS", "QUALITY", 50, 4.0, 0.0),
						new IndicatorRow("OBLIGATIONS_ON_TIME", "QUALITY", 50, 80.0, 100.0)),
				List.of(new BandRow(85.0, 100.0, 100, true), new BandRow(60.0, 85.0, 90, true),
						new BandRow(0.0, 60.0, 70, false)));
	}

	@Test
	void goodRulesScoreAsComputedByHand() {
		AssessmentRules rules = RulesCheck.checked(2027, 3, good());
		// First response 80 %: (80 − 50) / 50 → 60 points; service response 60.
		// Surveys 4.4: (4.4 − 2) / 3 → 80; satisfaction 80.
		// P1 faults 1: (1 − 4) / (0 − 4) → 75; obligations 90 %: 50 → quality 62.5.
		// Total 0.5 × 60 + 0.25 × 80 + 0.25 × 62.5 = 30 + 20 + 15.625 = 65.625; −2.625
		// adjusted → 63: band 60–85, 90 %.
		ScoreCard card = Scoring.score(rules,
				Map.of("FIRST_RESPONSE", 80.0, "SURVEYS", 4.4, "P1_FAULTS", 1.0, "OBLIGATIONS_ON_TIME", 90.0),
				List.of(new Adjustment(-2.625, "两次通报")));
		assertThat(card.computed()).isCloseTo(65.625, within(1e-9));
		assertThat(card.total()).isCloseTo(63.0, within(1e-9));
		assertThat(rules.payments().bandOf(card.total()).ratioPercent()).isEqualTo(90);
		assertThat(rules.payments().bandOf(59.99).continues()).isFalse();
		assertThat(rules.payments().bandOf(100).ratioPercent()).isEqualTo(100);
		assertThat(rules.version()).isEqualTo(3);
		assertThat(rules.indicators()).extracting(Indicator::source)
			.containsExactly("servicedesk", "assessment", "servicedesk", "reporting");
	}

	@Test
	void dimensionWeightsNotSummingToHundredOrNegativeAreNamed() {
		RulesForm form = good();
		assertThat(fields(new RulesForm(50, 25, 30, form.indicators(), form.bands())))
			.containsExactly("dimensions:assessment.rules.dimensions.sum");
		assertThat(fields(new RulesForm(-5, 55, null, form.indicators(), form.bands())))
			.containsExactly("serviceResponse:error.field.range", "quality:error.field.range");
	}

	@Test
	void indicatorProblemsAreNamedRowByRow() {
		RulesForm form = good();
		List<IndicatorRow> rows = new ArrayList<>(form.indicators());
		rows.set(0, new IndicatorRow("CPU_USAGE", "SERVICE_RESPONSE", 100, 50.0, 100.0));
		rows.set(1, new IndicatorRow("SURVEYS", "NOPE", -1, 3.0, 3.0));
		rows.set(3, new IndicatorRow("P1_FAULTS", "QUALITY", 50, 80.0, 100.0));
		assertThat(fields(new RulesForm(50, 25, 25, rows, form.bands()))).containsExactly(
				"indicators[0].source:assessment.rules.source.unknown",
				"indicators[1].dimension:assessment.rules.dimension.unknown", "indicators[1].weight:error.field.range",
				"indicators[1].fullAt:assessment.rules.curve.flat",
				"indicators[3].source:assessment.rules.source.twice");
		rows = new ArrayList<>(form.indicators());
		rows.set(3, new IndicatorRow("OBLIGATIONS_ON_TIME", "QUALITY", 40, 80.0, 100.0));
		assertThat(fields(new RulesForm(50, 25, 25, rows, form.bands())))
			.containsExactly("indicators.QUALITY:assessment.rules.indicators.sum");
		// a weighed dimension without indicators
		assertThat(fields(new RulesForm(50, 25, 25, form.indicators().subList(0, 1), form.bands()))).containsExactly(
				"indicators.SATISFACTION:assessment.rules.indicators.sum",
				"indicators.QUALITY:assessment.rules.indicators.sum");
		assertThat(fields(new RulesForm(50, 25, 25, List.of(), form.bands())))
			.containsExactly("indicators:assessment.rules.indicators.none");
	}

	@Test
	void overlappingGappedOrShortPaymentBandsAreNamed() {
		RulesForm form = good();
		assertThat(fields(new RulesForm(50, 25, 25, form.indicators(),
				List.of(new BandRow(85.0, 100.0, 100, true), new BandRow(60.0, 90.0, 90, true),
						new BandRow(0.0, 60.0, 70, false)))))
			.containsExactly("bands[0].minScore:assessment.rules.band.overlap");
		assertThat(fields(new RulesForm(50, 25, 25, form.indicators(),
				List.of(new BandRow(85.0, 100.0, 100, true), new BandRow(0.0, 80.0, 70, false)))))
			.containsExactly("bands[0].minScore:assessment.rules.band.gap");
		assertThat(fields(new RulesForm(50, 25, 25, form.indicators(), List.of(new BandRow(10.0, 100.0, 100, true)))))
			.containsExactly("bands:assessment.rules.band.cover");
		assertThat(fields(new RulesForm(50, 25, 25, form.indicators(),
				Arrays.asList(new BandRow(50.0, 40.0, 120, true), new BandRow(null, 50.0, 80, false)))))
			.containsExactly("bands[0].maxScore:assessment.rules.band.empty", "bands[0].ratioPercent:error.field.range",
					"bands[1].minScore:error.field.range");
	}

	private static List<String> fields(RulesForm form) {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> RulesCheck.checked(2027, 1, form));
		assertThat(refused).as("refused").isNotNull();
		return refused.problems().stream().map((FieldProblem p) -> p.field() + ":" + p.code()).toList();
	}

}
