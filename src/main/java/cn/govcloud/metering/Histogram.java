package cn.govcloud.metering;

import java.util.Map;
import java.util.TreeMap;

/**
 * The fixed bins of the daily rollups' histogram of 5-minute averages, from which a p95
 * over periods older than the hourly rollups is estimated. Ratios (CPU, memory, disk) use
 * 201 bins of 0.5 percentage points: the estimate is within 0.25 points of the exact
 * 5-minute p95. Network rates use logarithmic bins 2 % wide: within 1 % of it.
 */
final class Histogram {

	/** The SQL expression of the bin of {@code v} for the metric code {@code m}. */
	static final String SQL_BIN = "CASE WHEN m IN (0, 1, 2) THEN floor(least(greatest(v, 0), 1) * 200)::int "
			+ "WHEN v <= 1 THEN 0 ELSE least(1 + floor(ln(v) / ln(1.02))::int, 1500) END";

	private Histogram() {
	}

	static int bin(Metric metric, double value) {
		if (metric.ratio()) {
			return (int) Math.floor(Math.min(Math.max(value, 0), 1) * 200);
		}
		return (value <= 1) ? 0 : Math.min(1 + (int) Math.floor(Math.log(value) / Math.log(1.02)), 1500);
	}

	/** The value a bin stands for: its middle. */
	static double representative(Metric metric, int bin) {
		if (metric.ratio()) {
			return Math.min((bin + 0.5) / 200, 1);
		}
		return (bin == 0) ? 0 : Math.pow(1.02, bin - 1) * 1.01;
	}

	/** The nearest-rank 95th percentile of the values counted in {@code bins}. */
	static double p95(Metric metric, Map<Integer, Long> bins) {
		TreeMap<Integer, Long> sorted = new TreeMap<>(bins);
		long total = sorted.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return Double.NaN;
		}
		long rank = (long) Math.ceil(0.95 * total);
		long seen = 0;
		for (Map.Entry<Integer, Long> entry : sorted.entrySet()) {
			seen += entry.getValue();
			if (seen >= rank) {
				return representative(metric, entry.getKey());
			}
		}
		return representative(metric, sorted.lastKey());
	}

}
