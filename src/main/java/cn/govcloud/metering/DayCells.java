package cn.govcloud.metering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 5-minute cells of one UTC day per series, packed into the rows of
 * {@code metering_5m_day} (288 slots, as COPY text) and the day's 24 hours of
 * {@link HourMonths} (ADR 0012, 0038): per slot the average and the max as 16-bit
 * {@link DaySketch#code codes} (0 where there is no data) and the count. The average is
 * the sum of the cells over their count, so it stays weighted by samples. The consumer's
 * packer and {@link UtilisationHistory} both write through this, so their rows are the
 * same. {@link #hour} packs one UTC hour of the open day the same way into the rows of
 * {@code metering_5m_hour} (12 slots, ADR 0041).
 */
final class DayCells {

	static final int SLOTS = 288;

	/** Where the hours of packed days go: {@link HourMonths}, or more. */
	interface Hours {

		void put(String key, Metric metric, Instant hour, double avg, double max, long count);

	}

	static final int PER_HOUR = 12;

	private final Instant day;

	private final int slots;

	private final Map<String, Cells> cells = new LinkedHashMap<>();

	private String lastKey;

	private Cells lastCells;

	DayCells(Instant day) {
		this(day, SLOTS);
	}

	private DayCells(Instant start, int slots) {
		this.day = start;
		this.slots = slots;
	}

	/** The cells of the UTC hour starting at {@code hour}. */
	static DayCells hour(Instant hour) {
		return new DayCells(hour, PER_HOUR);
	}

	/** The COPY text of a series' key columns: instance, metric, dimension. */
	static String key(UUID instance, Metric metric, String dimension) {
		return instance + "\t" + metric.code() + "\t"
				+ dimension.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "\t";
	}

	void add(String key, Metric metric, long bucket, double sum, int count, double max) {
		int slot = (int) ((bucket - this.day.toEpochMilli()) / RollupMath.FIVE_MINUTES_MS);
		// points come series by series: the last series' cells, without a look-up
		Cells series = (key == this.lastKey) ? this.lastCells
				: this.cells.computeIfAbsent(key, (k) -> new Cells(metric, this.slots));
		this.lastKey = key;
		this.lastCells = series;
		series.sum[slot] += sum;
		series.count[slot] += count;
		series.max[slot] = Math.max(series.max[slot], max);
	}

	/**
	 * Adds the points {@code sql} reads for the instances {@code ids} in this day or hour
	 * (bound as {@code :ids}, {@code :from}, {@code :to}), as the rollups' columns
	 * {@code instance_id, metric, dimension, bucket, sum, count, max} ({@link Rollups}).
	 */
	void read(JdbcTemplate jdbc, String sql, UUID[] ids) {
		JdbcClient.create(jdbc)
			.sql(sql)
			.param("ids", ids)
			.param("from", Timestamp.from(this.day))
			.param("to", Timestamp.from(this.day.plusMillis(this.slots * RollupMath.FIVE_MINUTES_MS)))
			.query((RowCallbackHandler) this::add);
	}

	private void add(ResultSet rs) throws SQLException {
		Metric metric = Metric.ofCode(rs.getShort(2));
		add(key(rs.getObject(1, UUID.class), metric, rs.getString(3)), metric, rs.getTimestamp(4).getTime(),
				rs.getDouble(5), rs.getInt(6), rs.getDouble(7));
	}

	Instant day() {
		return this.day;
	}

	/**
	 * Appends the packed rows: 5-minute ones only if {@code fiveMinutes} is not null, the
	 * hours with samples to {@code hours} unless it is null.
	 */
	void emit(StringBuilder fiveMinutes, Hours hours) {
		for (Map.Entry<String, Cells> entry : this.cells.entrySet()) {
			Cells series = entry.getValue();
			if (fiveMinutes != null) {
				row(fiveMinutes, entry.getKey(), series);
			}
			hours(entry.getKey(), series, hours);
		}
	}

	private void hours(String key, Cells series, Hours hours) {
		for (int h = 0; hours != null && h < this.slots / PER_HOUR; h++) {
			double total = 0;
			long n = 0;
			double highest = Double.NEGATIVE_INFINITY;
			for (int i = h * PER_HOUR; i < (h + 1) * PER_HOUR; i++) {
				total += series.sum[i];
				n += series.count[i];
				highest = Math.max(highest, series.max[i]);
			}
			if (n > 0) {
				hours.put(key, series.metric, this.day.plusSeconds(h * 3600L), total / n, highest, n);
			}
		}
	}

	/**
	 * Appends the packed rows as binary COPY rows ({@link BinaryRows}), the hours with
	 * samples to {@code hours}: the same rows as {@link #emit(StringBuilder, Hours)}.
	 */
	void emit(BinaryRows fiveMinutes, Hours hours) {
		for (Map.Entry<String, Cells> entry : this.cells.entrySet()) {
			Cells series = entry.getValue();
			if (fiveMinutes != null) {
				fiveMinutes.row(7).key(entry.getKey()).timestamp(this.day.toEpochMilli());
				int[] maxima = new int[this.slots];
				fiveMinutes.int2Array(this.slots);
				for (int s = 0; s < this.slots; s++) {
					int n = series.count[s];
					double average = series.sum[s] / n;
					int code = (n > 0) ? DaySketch.code(series.metric, average) : 0;
					// one sample: its average is its max (a logarithm less for rates)
					maxima[s] = (n == 0) ? 0
							: (average == series.max[s]) ? code : DaySketch.code(series.metric, series.max[s]);
					fiveMinutes.int2Element(code);
				}
				fiveMinutes.int2Array(this.slots);
				for (int s = 0; s < this.slots; s++) {
					fiveMinutes.int2Element(maxima[s]);
				}
				fiveMinutes.int2Array(this.slots);
				for (int s = 0; s < this.slots; s++) {
					fiveMinutes.int2Element(Math.min(series.count[s], Short.MAX_VALUE));
				}
			}
			hours(entry.getKey(), series, hours);
		}
	}

	private void row(StringBuilder out, String key, Cells series) {
		out.append(key).append(this.day).append("\t{");
		for (int s = 0; s < this.slots; s++) {
			int n = series.count[s];
			out.append((s == 0) ? "" : ",").append((n > 0) ? DaySketch.code(series.metric, series.sum[s] / n) : 0);
		}
		out.append("}\t{");
		for (int s = 0; s < this.slots; s++) {
			out.append((s == 0) ? "" : ",")
				.append((series.count[s] > 0) ? DaySketch.code(series.metric, series.max[s]) : 0);
		}
		out.append("}\t{");
		for (int s = 0; s < this.slots; s++) {
			out.append((s == 0) ? "" : ",").append(Math.min(series.count[s], Short.MAX_VALUE));
		}
		out.append("}\n");
	}

	private static final class Cells {

		final Metric metric;

		final double[] sum;

		final int[] count;

		final double[] max;

		Cells(Metric metric, int slots) {
			this.metric = metric;
			this.sum = new double[slots];
			this.count = new int[slots];
			this.max = new double[slots];
			Arrays.fill(this.max, Double.NEGATIVE_INFINITY);
		}

	}

}
