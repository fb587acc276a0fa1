package cn.govcloud.assessment;

import java.util.List;

/**
 * A computed score with its drill-down per indicator (Art. 19).
 *
 * @param computed the score from the records, null when no indicator has data
 * @param adjusted the sum of the manual adjustments, in points
 * @param total computed + adjusted within 0–100, null without data
 */
public record ScoreCard(List<Line> lines, Double computed, double adjusted, Double total) {

	public ScoreCard {
		lines = List.copyOf(lines);
	}

	/**
	 * One indicator: its value and points, or "no data" (both null) with an effective
	 * weight of 0.
	 *
	 * @param effectiveWeight its share of the total in per cent after re-normalisation
	 */
	public record Line(Indicator indicator, Double value, Double points, double effectiveWeight) {
	}

}
