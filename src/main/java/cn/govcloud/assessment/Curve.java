package cn.govcloud.assessment;

/**
 * How a measured value becomes points 0–100: linear from {@code zeroAt} (0 points) to
 * {@code fullAt} (100 points), flat beyond either end. Rising (attainment 60 % → 0, 100 %
 * → 100) or falling (P1 faults: 5 → 0, 0 → 100) as the two ends say.
 */
public record Curve(double zeroAt, double fullAt) {

	public Curve {
		if (zeroAt == fullAt) {
			throw new IllegalArgumentException("A curve needs two different ends");
		}
	}

	/** The points for {@code value}, 0–100. */
	public double points(double value) {
		double share = (value - this.zeroAt) / (this.fullAt - this.zeroAt);
		return 100 * Math.max(0, Math.min(1, share));
	}

}
