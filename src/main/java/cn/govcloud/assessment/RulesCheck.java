package cn.govcloud.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import cn.govcloud.assessment.RulesForm.BandRow;
import cn.govcloud.assessment.RulesForm.IndicatorRow;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * What the Commission's rules for a year must be (Art. 19), every problem named by its
 * field and nothing saved while one remains: the three dimensions' weights 0–100 summing
 * to 100; each indicator a known data source (once), a dimension, a weight 0–100 (a
 * dimension's indicators summing to 100) and a curve with two different ends; the payment
 * bands each within 0–100 with a ratio 0–100, together covering 0–100 without overlap or
 * gap.
 */
final class RulesCheck {

	private RulesCheck() {
	}

	/**
	 * The rules, as version {@code version} of {@code year}; throws naming every problem.
	 */
	static AssessmentRules checked(int year, int version, RulesForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<Dimension, Integer> dimensions = new EnumMap<>(Dimension.class);
		weight(problems, "serviceResponse", form.serviceResponse(), Dimension.SERVICE_RESPONSE, dimensions);
		weight(problems, "satisfaction", form.satisfaction(), Dimension.SATISFACTION, dimensions);
		weight(problems, "quality", form.quality(), Dimension.QUALITY, dimensions);
		int dimensionSum = dimensions.values().stream().mapToInt(Integer::intValue).sum();
		if (dimensions.size() == 3 && dimensionSum != 100) {
			problems.add(new FieldProblem("dimensions", "assessment.rules.dimensions.sum", dimensionSum));
		}
		List<Indicator> indicators = indicators(problems,
				(form.indicators() != null) ? form.indicators() : List.<IndicatorRow>of(), dimensions);
		List<PaymentTable.Band> bands = bands(problems, (form.bands() != null) ? form.bands() : List.<BandRow>of());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new AssessmentRules(year, version, dimensions, indicators, new PaymentTable(bands));
	}

	private static void weight(List<FieldProblem> problems, String field, Integer weight, Dimension dimension,
			Map<Dimension, Integer> weights) {
		if (weight == null || weight < 0 || weight > 100) {
			problems.add(new FieldProblem(field, "error.field.range", 0, 100));
		}
		else {
			weights.put(dimension, weight);
		}
	}

	private static List<Indicator> indicators(List<FieldProblem> problems, List<IndicatorRow> rows,
			Map<Dimension, Integer> dimensions) {
		List<Indicator> indicators = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Map<Dimension, Integer> sums = new EnumMap<>(Dimension.class);
		boolean whole = true;
		for (int i = 0; i < rows.size(); i++) {
			IndicatorRow row = rows.get(i);
			if (row == null) {
				continue;
			}
			String at = "indicators[" + i + "].";
			String source = (row.source() != null) ? row.source().strip() : null;
			String module = (source != null) ? Measures.SOURCES.get(source) : null;
			int problemsBefore = problems.size();
			if (module == null) {
				problems.add(new FieldProblem(at + "source", "assessment.rules.source.unknown"));
			}
			else if (!seen.add(source)) {
				problems.add(new FieldProblem(at + "source", "assessment.rules.source.twice"));
			}
			Dimension dimension = dimension(row.dimension());
			if (dimension == null) {
				problems.add(new FieldProblem(at + "dimension", "assessment.rules.dimension.unknown"));
			}
			if (row.weight() == null || row.weight() < 0 || row.weight() > 100) {
				problems.add(new FieldProblem(at + "weight", "error.field.range", 0, 100));
			}
			if (row.zeroAt() == null || !Double.isFinite(row.zeroAt())) {
				problems.add(new FieldProblem(at + "zeroAt", "error.field.required"));
			}
			if (row.fullAt() == null || !Double.isFinite(row.fullAt())) {
				problems.add(new FieldProblem(at + "fullAt", "error.field.required"));
			}
			else if (Objects.equals(row.zeroAt(), row.fullAt())) {
				problems.add(new FieldProblem(at + "fullAt", "assessment.rules.curve.flat"));
			}
			if (problems.size() > problemsBefore) {
				whole = false;
				continue;
			}
			sums.merge(dimension, row.weight(), Integer::sum);
			indicators
				.add(new Indicator(source, dimension, row.weight(), module, new Curve(row.zeroAt(), row.fullAt())));
		}
		if (rows.stream().allMatch(Objects::isNull)) {
			problems.add(new FieldProblem("indicators", "assessment.rules.indicators.none"));
		}
		else if (whole) {
			for (Dimension dimension : Dimension.values()) {
				Integer sum = sums.get(dimension);
				boolean weighed = dimensions.getOrDefault(dimension, 0) > 0;
				if ((sum != null && sum != 100) || (sum == null && weighed)) {
					problems.add(new FieldProblem("indicators." + dimension, "assessment.rules.indicators.sum",
							(sum != null) ? sum : 0));
				}
			}
		}
		return indicators;
	}

	private static Dimension dimension(String name) {
		for (Dimension dimension : Dimension.values()) {
			if (dimension.name().equals((name != null) ? name.strip() : null)) {
				return dimension;
			}
		}
		return null;
	}

	private static List<PaymentTable.Band> bands(List<FieldProblem> problems, List<BandRow> rows) {
		List<PaymentTable.Band> bands = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		boolean whole = true;
		for (int i = 0; i < rows.size(); i++) {
			BandRow row = rows.get(i);
			if (row == null) {
				continue;
			}
			String at = "bands[" + i + "].";
			int problemsBefore = problems.size();
			if (!score(row.minScore())) {
				problems.add(new FieldProblem(at + "minScore", "error.field.range", 0, 100));
			}
			if (!score(row.maxScore())) {
				problems.add(new FieldProblem(at + "maxScore", "error.field.range", 0, 100));
			}
			else if (score(row.minScore()) && row.maxScore() <= row.minScore()) {
				problems.add(new FieldProblem(at + "maxScore", "assessment.rules.band.empty"));
			}
			if (row.ratioPercent() == null || row.ratioPercent() < 0 || row.ratioPercent() > 100) {
				problems.add(new FieldProblem(at + "ratioPercent", "error.field.range", 0, 100));
			}
			if (problems.size() > problemsBefore) {
				whole = false;
				continue;
			}
			bands.add(new PaymentTable.Band(row.minScore(), row.maxScore(), row.ratioPercent(),
					Boolean.TRUE.equals(row.continues())));
			positions.add(i);
		}
		if (!whole) {
			return bands;
		}
		if (bands.isEmpty()) {
			problems.add(new FieldProblem("bands", "assessment.rules.band.cover"));
			return bands;
		}
		List<Integer> order = IntStream.range(0, bands.size())
			.boxed()
			.sorted(Comparator.comparingDouble((Integer k) -> bands.get(k).minScore()))
			.toList();
		for (int k = 1; k < order.size(); k++) {
			PaymentTable.Band below = bands.get(order.get(k - 1));
			PaymentTable.Band band = bands.get(order.get(k));
			String field = "bands[" + positions.get(order.get(k)) + "].minScore";
			if (band.minScore() < below.maxScore()) {
				problems
					.add(new FieldProblem(field, "assessment.rules.band.overlap", below.minScore(), below.maxScore()));
			}
			else if (band.minScore() > below.maxScore()) {
				problems.add(new FieldProblem(field, "assessment.rules.band.gap", below.maxScore()));
			}
		}
		if (bands.get(order.get(0)).minScore() != 0 || bands.get(order.get(order.size() - 1)).maxScore() != 100) {
			problems.add(new FieldProblem("bands", "assessment.rules.band.cover"));
		}
		return bands;
	}

	private static boolean score(Double value) {
		return value != null && value >= 0 && value <= 100;
	}

}
