package cn.govcloud.metering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One series' daily rollups of one city month, a row of {@code metering_1d_month} (ADR
 * 0035): per day (31 slots) the average and max as real (NaN without data), the samples,
 * and a {@link DaySketch} of its 5-minute averages.
 */
final class MonthRow {

	static final int DAYS = 31;

	private static final HexFormat HEX = HexFormat.of();

	final String key;

	final Metric metric;

	final Instant month;

	final float[] avg = new float[DAYS];

	final float[] max = new float[DAYS];

	final long[] count = new long[DAYS];

	final byte[] sketch = new byte[DAYS * DaySketch.BYTES];

	MonthRow(String key, Metric metric, Instant month) {
		this.key = key;
		this.metric = metric;
		this.month = month;
		Arrays.fill(this.avg, Float.NaN);
		Arrays.fill(this.max, Float.NaN);
	}

	void set(int day, float average, float highest, long samples, float[] values, int n) {
		this.avg[day] = average;
		this.max[day] = highest;
		this.count[day] = samples;
		DaySketch.write(this.sketch, day * DaySketch.BYTES, this.metric, values, n);
	}

	/**
	 * The columns avg, max, count, sketch of {@code rs} (in this order, from 1 + offset).
	 */
	static MonthRow read(ResultSet rs, int offset, String key, Metric metric, Instant month) throws SQLException {
		MonthRow row = new MonthRow(key, metric, month);
		float[] avg = WireArrays.floats(rs, offset + 1);
		float[] max = WireArrays.floats(rs, offset + 2);
		int[] count = WireArrays.ints(rs, offset + 3);
		System.arraycopy(avg, 0, row.avg, 0, DAYS);
		System.arraycopy(max, 0, row.max, 0, DAYS);
		for (int d = 0; d < DAYS; d++) {
			row.count[d] = count[d];
		}
		byte[] sketch = rs.getBytes(offset + 4);
		System.arraycopy(sketch, 0, row.sketch, 0, row.sketch.length);
		return row;
	}

	/** The row as COPY text. */
	void copyText(StringBuilder out) {
		out.append(this.key).append(this.month).append('\t');
		array(out, this.avg);
		out.append('\t');
		array(out, this.max);
		out.append("\t{");
		for (int d = 0; d < DAYS; d++) {
			out.append((d == 0) ? "" : ",").append(this.count[d]);
		}
		out.append("}\t\\\\x").append(HEX.formatHex(this.sketch)).append('\n');
	}

	private static void array(StringBuilder out, float[] values) {
		out.append('{');
		for (int d = 0; d < DAYS; d++) {
			out.append((d == 0) ? "" : ",").append(values[d]);
		}
		out.append('}');
	}

}
