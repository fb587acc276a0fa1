package cn.govcloud.metering;

import java.util.Arrays;

/**
 * A city day's 5-minute averages in 24 bytes (ADR 0035): how many there are, then the
 * values at {@link #FRACTIONS} of their sorted order (nearest rank; 0 is the lowest, 1
 * the highest), each as a 16-bit code — ratios to 1/30,000 (0.0033 percentage points),
 * network rates to 0.1 % (logarithmic). The day's own p95 is one of them, exact up to the
 * code; a period's p95 merges the days' sketches ({@link P95Estimate}).
 */
final class DaySketch {

	/** The ranks kept, as fractions of the day's values; dense in the tail. */
	static final double[] FRACTIONS = { 0, 0.25, 0.5, 0.75, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 1 };

	/** The position of the 95th percentile in {@link #FRACTIONS}. */
	static final int P95 = 7;

	/** Bytes per day: the number of values and one code per fraction, 16 bits each. */
	static final int BYTES = 2 * (1 + FRACTIONS.length);

	private static final double RATIO_SCALE = 30_000;

	private static final double RATE_SCALE = 1_000;

	private DaySketch() {
	}

	/**
	 * Writes the sketch of {@code values} (sorted ascending in place) at {@code offset}.
	 */
	static void write(byte[] out, int offset, Metric metric, float[] values, int n) {
		Arrays.sort(values, 0, n);
		putShort(out, offset, Math.min(n, Short.MAX_VALUE));
		for (int k = 0; k < FRACTIONS.length; k++) {
			putShort(out, offset + 2 * (k + 1), (n == 0) ? 0 : code(metric, values[rank(FRACTIONS[k], n) - 1]));
		}
	}

	/** The number of 5-minute values the sketch at {@code offset} stands for. */
	static int count(byte[] sketch, int offset) {
		return getShort(sketch, offset);
	}

	/** The value kept for {@code FRACTIONS[k]} (as far as its code tells). */
	static double value(byte[] sketch, int offset, Metric metric, int k) {
		return decode(metric, getShort(sketch, offset + 2 * (k + 1)));
	}

	/** The nearest rank (1-based) of {@code fraction} among {@code n} values. */
	static int rank(double fraction, int n) {
		return Math.max(1, (int) Math.ceil(fraction * n - 1e-9));
	}

	/**
	 * The 16-bit code of a value (0 for NaN or ≤ 0); {@code metering_code} in SQL (V182).
	 * Ratios are kept to ±1/60,000 (±0.0017 percentage points), rates to ±0.05 %.
	 */
	static int code(Metric metric, double value) {
		if (!(value > 0)) {
			return 0;
		}
		double scaled = metric.ratio() ? Math.max(value, 0) * RATIO_SCALE : Math.log1p(Math.max(value, 0)) * RATE_SCALE;
		return (int) Math.min(Math.round(scaled), Short.MAX_VALUE);
	}

	/**
	 * The value of a code; the same as SQL's {@code metering_value(metric, code)} (V182):
	 * {@code exp − 1} there and here, not expm1, so both give the same double.
	 */
	static double decode(Metric metric, int code) {
		return metric.ratio() ? code / RATIO_SCALE : Math.exp(code / RATE_SCALE) - 1;
	}

	private static void putShort(byte[] out, int offset, int value) {
		out[offset] = (byte) (value >>> 8);
		out[offset + 1] = (byte) value;
	}

	private static int getShort(byte[] in, int offset) {
		return ((in[offset] & 0xff) << 8) | (in[offset + 1] & 0xff);
	}

}
