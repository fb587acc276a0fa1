package cn.govcloud.rightsizing;

/**
 * How the daily p95s of the window become the one figure a recommendation is judged on;
 * the Commission chooses (Art. 8: release surplus "according to actual usage", the mode
 * says how much headroom is kept for peaks).
 */
public enum Mode {

	/** The highest daily p95: keeps room for the busiest day of the window. */
	CONSERVATIVE,

	/**
	 * The mean of the daily p95s plus one (population) standard deviation: the window is
	 * the whole population, not a sample of it.
	 */
	MODERATE,

	/** The mean of the daily p95s. */
	AGGRESSIVE;

	/** The figure of these daily p95s (ratios 0..1); NaN when there are none. */
	public double figure(double[] dailyP95s) {
		if (dailyP95s.length == 0) {
			return Double.NaN;
		}
		double max = Double.NEGATIVE_INFINITY;
		double sum = 0;
		for (double p95 : dailyP95s) {
			max = Math.max(max, p95);
			sum += p95;
		}
		double mean = sum / dailyP95s.length;
		return switch (this) {
			case CONSERVATIVE -> max;
			case AGGRESSIVE -> mean;
			case MODERATE -> mean + deviation(dailyP95s, mean);
		};
	}

	private static double deviation(double[] values, double mean) {
		double squares = 0;
		for (double value : values) {
			squares += (value - mean) * (value - mean);
		}
		return Math.sqrt(squares / values.length);
	}

}
