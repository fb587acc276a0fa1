package cn.govcloud.assessment;

import java.util.List;

/**
 * The Commission's rules for a year as entered (Art. 19), checked by {@link RulesCheck}.
 *
 * @param serviceResponse the dimensions' weights, summing to 100
 * @param indicators each indicator: its data source, dimension, weight within the
 * dimension and curve
 * @param bands the payment table
 */
public record RulesForm(Integer serviceResponse, Integer satisfaction, Integer quality, List<IndicatorRow> indicators,
		List<BandRow> bands) {

	/**
	 * @param source one of the known data sources (e.g. {@code FIRST_RESPONSE})
	 * @param zeroAt the value that scores 0 points
	 * @param fullAt the value that scores 100 points
	 */
	public record IndicatorRow(String source, String dimension, Integer weight, Double zeroAt, Double fullAt) {
	}

	public record BandRow(Double minScore, Double maxScore, Integer ratioPercent, Boolean continues) {
	}

}
