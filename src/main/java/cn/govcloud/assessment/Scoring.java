package cn.govcloud.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A supplier's score from its measured values (Art. 19). An indicator without a value
 * (its module is not built yet, or it has no records for the year) is "no data": it
 * scores nothing and its weight is shared out over the others of its dimension; a
 * dimension with no data at all shares its weight over the other dimensions. The
 * effective weight of each indicator is part of the result, so the re-normalisation is
 * visible. Manual adjustments are added to the total, which stays within 0–100.
 */
final class Scoring {

	private Scoring() {
	}

	/**
	 * @param measured the value of each indicator by code; absent or null: no data
	 */
	static ScoreCard score(AssessmentRules rules, Map<String, Double> measured, List<Adjustment> adjustments) {
		List<ScoreCard.Line> lines = new ArrayList<>();
		double weighted = 0;
		double dimensionWeights = 0;
		for (Dimension dimension : Dimension.values()) {
			double points = 0;
			double weights = 0;
			for (Indicator indicator : rules.of(dimension)) {
				Double value = measured.get(indicator.code());
				if (value != null) {
					points += indicator.weight() * indicator.curve().points(value);
					weights += indicator.weight();
				}
			}
			if (weights > 0) {
				weighted += rules.dimensionWeights().get(dimension) * points / weights;
				dimensionWeights += rules.dimensionWeights().get(dimension);
			}
		}
		for (Indicator indicator : rules.indicators()) {
			lines.add(line(rules, measured, indicator, dimensionWeights));
		}
		Double computed = (dimensionWeights == 0) ? null : weighted / dimensionWeights;
		double adjusted = adjustments.stream().mapToDouble(Adjustment::points).sum();
		Double total = (computed == null) ? null : Math.max(0, Math.min(100, computed + adjusted));
		return new ScoreCard(lines, computed, adjusted, total);
	}

	private static ScoreCard.Line line(AssessmentRules rules, Map<String, Double> measured, Indicator indicator,
			double dimensionWeights) {
		Double value = measured.get(indicator.code());
		if (value == null) {
			return new ScoreCard.Line(indicator, null, null, 0);
		}
		double weights = rules.of(indicator.dimension())
			.stream()
			.filter((other) -> measured.get(other.code()) != null)
			.mapToDouble(Indicator::weight)
			.sum();
		double effective = 100.0 * rules.dimensionWeights().get(indicator.dimension()) / dimensionWeights
				* indicator.weight() / weights;
		return new ScoreCard.Line(indicator, value, indicator.curve().points(value), effective);
	}

}
