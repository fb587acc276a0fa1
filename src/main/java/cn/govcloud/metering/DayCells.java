package cn.govcloud.metering;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The 5-minute cells of one UTC day per series, packed into the rows of
 * {@code metering_5m_day} (288 slots) and {@code metering_1h_day} (24 slots) as COPY text
 * (ADR 0012): per slot the average and the max as real (NaN where there is no data) and
 * the count. The consumer's packer and {@link UtilisationHistory} both write through
 * this, so their rows are the same.
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

	void add(String key, long bucket, double sum, int count, double max) {
		int slot = (int) ((bucket - this.day.toEpochMilli()) / RollupMath.FIVE_MINUTES_MS);
		Cells series = this.cells.computeIfAbsent(key, (k) -> new Cells());
		series.sum[slot] += sum;
		series.count[slot] += count;
		series.max[slot] = Math.max(series.max[slot], max);
	}

	Instant day() {
		return this.day;
	}

	/** Appends the packed rows: 5-minute ones only if {@code fiveMinutes} is not null. */
	void emit(StringBuilder fiveMinutes, StringBuilder hours) {
		for (Map.Entry<String, Cells> entry : this.cells.entrySet()) {
			Cells series = entry.getValue();
			if (fiveMinutes != null) {
				row(fiveMinutes, entry.getKey(), series.sum, series.count, series.max, SLOTS, 1);
			}
			row(hours, entry.getKey(), series.sum, series.count, series.max, 24, PER_HOUR);
		}
	}

	private void row(StringBuilder out, String key, double[] sum, int[] count, double[] max, int slots, int width) {
		StringBuilder avgs = new StringBuilder("{");
		StringBuilder maxes = new StringBuilder("{");
		StringBuilder counts = new StringBuilder("{");
		for (int s = 0; s < slots; s++) {
			double total = 0;
			long n = 0;
			double highest = Double.NEGATIVE_INFINITY;
			for (int i = s * width; i < (s + 1) * width; i++) {
				total += sum[i];
				n += count[i];
				highest = Math.max(highest, max[i]);
			}
			String separator = (s == 0) ? "" : ",";
			avgs.append(separator).append((n > 0) ? (float) (total / n) : Float.NaN);
			maxes.append(separator).append((n > 0) ? (float) highest : Float.NaN);
			counts.append(separator).append((width == 1) ? Math.min(n, Short.MAX_VALUE) : n);
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

		final double[] sum = new double[SLOTS];

		final int[] count = new int[SLOTS];

		final double[] max = new double[SLOTS];

		Cells() {
			Arrays.fill(this.max, Double.NEGATIVE_INFINITY);
		}

	}

}
