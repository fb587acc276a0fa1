package cn.govcloud.metering;

import java.util.Arrays;

/**
 * The 95th percentile (nearest rank) of a period's 5-minute averages from the sketches of
 * its whole days ({@link DaySketch}) and the exact averages of its partial days (ADR
 * 0035). Each day's count of values at or below x is read from its sketch, linear between
 * the ranks it keeps; the estimate is the smallest x at which the period's count reaches
 * the rank of its 95th percentile. Exact for one day and for partial days only; else its
 * rank is off by at most the gap between the day's kept ranks around it (2 percentiles in
 * the tail from the 90th up).
 */
final class P95Estimate {

	private final Metric metric;

	private double[][] days = new double[8][];

	private int[] dayCounts = new int[8];

	private int dayN;

	private float[] exact = new float[16];

	private int exactN;

	P95Estimate(Metric metric) {
		this.metric = metric;
	}

	void addDay(byte[] sketch, int offset) {
		int n = DaySketch.count(sketch, offset);
		if (n == 0) {
			return;
		}
		double[] values = new double[DaySketch.FRACTIONS.length];
		for (int k = 0; k < values.length; k++) {
			values[k] = DaySketch.value(sketch, offset, this.metric, k);
		}
		if (this.dayN == this.days.length) {
			this.days = Arrays.copyOf(this.days, this.dayN * 2);
			this.dayCounts = Arrays.copyOf(this.dayCounts, this.dayN * 2);
		}
		this.days[this.dayN] = values;
		this.dayCounts[this.dayN++] = n;
	}

	void addValue(float average) {
		if (this.exactN == this.exact.length) {
			this.exact = Arrays.copyOf(this.exact, this.exactN * 2);
		}
		this.exact[this.exactN++] = average;
	}

	double p95() {
		long total = this.exactN;
		double low = Double.POSITIVE_INFINITY;
		double high = Double.NEGATIVE_INFINITY;
		for (int d = 0; d < this.dayN; d++) {
			total += this.dayCounts[d];
			low = Math.min(low, this.days[d][0]);
			high = Math.max(high, this.days[d][this.days[d].length - 1]);
		}
		if (total == 0) {
			return Double.NaN;
		}
		Arrays.sort(this.exact, 0, this.exactN);
		long target = (long) Math.ceil(0.95 * total - 1e-9);
		if (this.dayN == 0) {
			return this.exact[(int) target - 1];
		}
		if (this.exactN > 0) {
			low = Math.min(low, this.exact[0]);
			high = Math.max(high, this.exact[this.exactN - 1]);
		}
		// the smallest x with atMost(x) >= target: atMost is monotone
		for (int i = 0; i < 100 && low < high; i++) {
			double middle = low + (high - low) / 2;
			if (middle <= low || middle >= high) {
				break;
			}
			if (atMost(middle) >= target) {
				high = middle;
			}
			else {
				low = middle;
			}
		}
		return (atMost(low) >= target) ? low : high;
	}

	/** How many of the period's values are at most x (estimated for whole days). */
	double atMost(double x) {
		double count = 0;
		for (int d = 0; d < this.dayN; d++) {
			count += atMost(this.days[d], this.dayCounts[d], x);
		}
		int lo = 0;
		int hi = this.exactN;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (this.exact[mid] <= x) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return count + lo;
	}

	static double atMost(double[] values, int n, double x) {
		int last = values.length - 1;
		if (x < values[0]) {
			return 0;
		}
		if (x >= values[last]) {
			return n;
		}
		int k = last;
		while (values[k] > x) {
			k--;
		}
		int rank = DaySketch.rank(DaySketch.FRACTIONS[k], n);
		int next = DaySketch.rank(DaySketch.FRACTIONS[k + 1], n) - 1;
		if (next <= rank) {
			return rank;
		}
		return rank + (x - values[k]) / (values[k + 1] - values[k]) * (next - rank);
	}

}
