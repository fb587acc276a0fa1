package cn.govcloud.metering;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The 5-minute cells of one UTC day per series, packed into the rows of
 * {@code metering_5m_day} (288 slots, as COPY text) and the day's 24 hours of
 * {@link HourMonths} (ADR 0012, 0038): per slot the average and the max as 16-bit
 * {@link DaySketch#code codes} (0 where there is no data) and the count. The average is
 * the sum of the cells over their count, so it stays weighted by samples. The consumer's
 * packer and {@link UtilisationHistory} both write through this, so their rows are the
 * same.
 */
final class DayCells {

	static final int SLOTS = 288;

	private static final int PER_HOUR = 12;

	private final Instant day;

	private final Map<String, Cells> cells = new LinkedHashMap<>();

	DayCells(Instant day) {
		this.day = day;
	}

	/** The COPY text of a series' key columns: instance, metric, dimension. */
	static String key(UUID instance, Metric metric, String dimension) {
		return instance + "\t" + metric.code() + "\t"
				+ dimension.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "\t";
	}

	void add(String key, Metric metric, long bucket, double sum, int count, double max) {
		int slot = (int) ((bucket - this.day.toEpochMilli()) / RollupMath.FIVE_MINUTES_MS);
		Cells series = this.cells.computeIfAbsent(key, (k) -> new Cells(metric));
		series.sum[slot] += sum;
		series.count[slot] += count;
		series.max[slot] = Math.max(series.max[slot], max);
	}

	Instant day() {
		return this.day;
	}

	/**
	 * Appends the packed rows: 5-minute ones only if {@code fiveMinutes} is not null, the
	 * hours with samples to {@code hours}.
	 */
	void emit(StringBuilder fiveMinutes, HourMonths hours) {
		for (Map.Entry<String, Cells> entry : this.cells.entrySet()) {
			Cells series = entry.getValue();
			if (fiveMinutes != null) {
				row(fiveMinutes, entry.getKey(), series);
			}
			for (int h = 0; h < 24; h++) {
				double total = 0;
				long n = 0;
				double highest = Double.NEGATIVE_INFINITY;
				for (int i = h * PER_HOUR; i < (h + 1) * PER_HOUR; i++) {
					total += series.sum[i];
					n += series.count[i];
					highest = Math.max(highest, series.max[i]);
				}
				if (n > 0) {
					hours.put(entry.getKey(), series.metric, this.day.plusSeconds(h * 3600L), total / n, highest, n);
				}
			}
		}
	}

	private void row(StringBuilder out, String key, Cells series) {
		StringBuilder avgs = new StringBuilder("{");
		StringBuilder maxes = new StringBuilder("{");
		StringBuilder counts = new StringBuilder("{");
		for (int s = 0; s < SLOTS; s++) {
			int n = series.count[s];
			String separator = (s == 0) ? "" : ",";
			avgs.append(separator).append((n > 0) ? DaySketch.code(series.metric, series.sum[s] / n) : 0);
			maxes.append(separator).append((n > 0) ? DaySketch.code(series.metric, series.max[s]) : 0);
			counts.append(separator).append(Math.min(n, Short.MAX_VALUE));
		}
		out.append(key)
			.append(this.day)
			.append('\t')
			.append(avgs)
			.append("}\t")
			.append(maxes)
			.append("}\t")
			.append(counts)
			.append("}\n");
	}

	private static final class Cells {

		final Metric metric;

		final double[] sum = new double[SLOTS];

		final int[] count = new int[SLOTS];

		final double[] max = new double[SLOTS];

		Cells(Metric metric) {
			this.metric = metric;
			Arrays.fill(this.max, Double.NEGATIVE_INFINITY);
		}

	}

}
