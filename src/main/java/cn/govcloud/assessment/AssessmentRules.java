package cn.govcloud.assessment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A year's rules, one version of them (Art. 19): the three dimensions' weights summing to
 * 100, each dimension's indicators with weights summing to 100 within it, and the payment
 * table. A finalised year keeps the version it was scored with.
 */
public record AssessmentRules(int year, int version, Map<Dimension, Integer> dimensionWeights,
		List<Indicator> indicators, PaymentTable payments) {

	public AssessmentRules {
		dimensionWeights = Map.copyOf(dimensionWeights);
		indicators = List.copyOf(indicators);
		if (dimensionWeights.size() != Dimension.values().length
				|| dimensionWeights.values().stream().mapToInt(Integer::intValue).sum() != 100) {
			throw new IllegalArgumentException("The three dimensions' weights must sum to 100");
		}
		Map<Dimension, Integer> sums = new EnumMap<>(Dimension.class);
		indicators.forEach((indicator) -> sums.merge(indicator.dimension(), indicator.weight(), Integer::sum));
		sums.forEach((dimension, sum) -> {
			if (sum != 100) {
				throw new IllegalArgumentException("The indicators of " + dimension + " must weigh 100, not " + sum);
			}
		});
	}

	public List<Indicator> of(Dimension dimension) {
		return this.indicators.stream().filter((indicator) -> indicator.dimension() == dimension).toList();
	}

}
