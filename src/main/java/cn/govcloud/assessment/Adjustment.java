package cn.govcloud.assessment;

/**
 * A manual adjustment of the total score, in points (±), with the reason the Commission
 * gives (Art. 19: adjustments need a reason and are audited).
 */
public record Adjustment(double points, String reason) {

	public Adjustment {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("An adjustment needs a reason");
		}
	}

}
