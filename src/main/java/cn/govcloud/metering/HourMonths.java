package cn.govcloud.metering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hourly rollups as month rows (ADR 0038): one {@code metering_1h_month} row per series
 * and UTC month, {@value #SLOTS} slots ({@code (day − 1) × 24 + hour}) of the average and
 * the max as {@link DaySketch#code 16-bit codes} and the sample count (smallint, 0 where
 * there is no data). Collects the hours of packed days and writes them: the packer
 * replaces one day's slots of each row, the bulk history load merges whole rows (a slot
 * with samples replaces the stored one).
 */
final class HourMonths implements DayCells.Hours {

	static final int SLOTS = 744;

	/**
	 * Where the hours are staged for the upsert (the transaction's own temporary table).
	 */
	private static final String STAGE = """
			CREATE TEMPORARY TABLE IF NOT EXISTS metering_1h_stage (instance_id uuid, metric smallint, dimension text,
			  bucket timestamptz, start_slot int, avg smallint[], max smallint[], count smallint[]) ON COMMIT DELETE ROWS
			""";

	private static final String UPSERT = """
			INSERT INTO metering_1h_month AS t (instance_id, metric, dimension, bucket, avg, max, count)
			SELECT instance_id, metric, dimension, bucket, %1$s, %2$s, %3$s FROM metering_1h_stage
			ON CONFLICT (instance_id, metric, dimension, bucket) DO UPDATE SET %4$s
			""".formatted(pad("avg"), pad("max"), pad("count"), "%s");

	private static final String MERGE = """
			avg = metering_merge_slots(t.avg, EXCLUDED.avg, EXCLUDED.count),
			max = metering_merge_slots(t.max, EXCLUDED.max, EXCLUDED.count),
			count = metering_merge_slots(t.count, EXCLUDED.count, EXCLUDED.count)
			""";

	private final Map<RowKey, Row> rows = new LinkedHashMap<>();

	private record RowKey(String key, Instant month) {
	}

	/** Adds one hour (its average, max and sample count) of a series. */
	@Override
	public void put(String key, Metric metric, Instant hour, double avg, double max, long count) {
		long hours = Math.floorDiv(hour.getEpochSecond(), 3600);
		long day = Math.floorDiv(hours, 24);
		int dayOfMonth = LocalDate.ofEpochDay(day).getDayOfMonth();
		Instant month = Instant.ofEpochSecond((day - dayOfMonth + 1) * 86_400);
		Row row = this.rows.computeIfAbsent(new RowKey(key, month), (k) -> new Row(key, month));
		int slot = (dayOfMonth - 1) * 24 + (int) (hours - day * 24);
		row.avg[slot] = (short) DaySketch.code(metric, avg);
		row.max[slot] = (short) DaySketch.code(metric, max);
		row.count[slot] = (short) Math.min(count, Short.MAX_VALUE);
		row.first = Math.min(row.first, slot);
		row.last = Math.max(row.last, slot);
	}

	int size() {
		return this.rows.size();
	}

	/**
	 * Writes the rows: if {@code day} is a UTC day, they hold that day only and replace
	 * its 24 slots of the stored rows (a day packed again); else they are merged slot by
	 * slot into the stored rows.
	 */
	void write(JdbcTemplate jdbc, Instant day) {
		if (this.rows.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder();
		for (Row row : this.rows.values()) {
			row.copyText(text);
		}
		jdbc.execute(STAGE);
		CopyIn.copy(jdbc, "metering_1h_stage", text);
		String set = MERGE;
		if (day != null) {
			int from = (day.atZone(ZoneOffset.UTC).getDayOfMonth() - 1) * 24 + 1;
			String slice = "[" + from + ":" + (from + 23) + "]";
			set = "avg%1$s = EXCLUDED.avg%1$s, max%1$s = EXCLUDED.max%1$s, count%1$s = EXCLUDED.count%1$s"
				.formatted(slice);
		}
		jdbc.update(UPSERT.formatted(set));
		jdbc.execute("TRUNCATE metering_1h_stage");
	}

	/** The staged slots padded to a whole month with empty slots. */
	private static String pad(String column) {
		return "array_fill(0::smallint, ARRAY[start_slot]) || %1$s || array_fill(0::smallint, ARRAY[%2$d - start_slot - cardinality(%1$s)])"
			.formatted(column, SLOTS);
	}

	private static final class Row {

		final String key;

		final Instant month;

		final short[] avg = new short[SLOTS];

		final short[] max = new short[SLOTS];

		final short[] count = new short[SLOTS];

		int first = SLOTS;

		int last = -1;

		Row(String key, Instant month) {
			this.key = key;
			this.month = month;
		}

		/** COPY text of the staged row: key, month, first slot, the slots first..last. */
		void copyText(StringBuilder out) {
			out.append(this.key).append(this.month).append('\t').append(this.first).append('\t');
			array(out, this.avg).append('\t');
			array(out, this.max).append('\t');
			array(out, this.count).append('\n');
		}

		private StringBuilder array(StringBuilder out, short[] values) {
			out.append('{');
			for (int s = this.first; s <= this.last; s++) {
				out.append((s == this.first) ? "" : ",").append(values[s]);
			}
			return out.append('}');
		}

	}

}
