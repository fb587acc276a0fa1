package cn.govcloud.metering;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and replaces {@link MonthRow}s of {@code metering_1d_month}. */
final class MonthRows {

	static final String COPY = "metering_1d_month (instance_id, metric, dimension, bucket, avg, max, count, sketch)";

	private MonthRows() {
	}

	/** The month rows of these instances, by their COPY key. */
	static Map<String, MonthRow> read(JdbcTemplate jdbc, UUID[] ids, Instant month) {
		Map<String, MonthRow> rows = new LinkedHashMap<>();
		jdbc.query("""
				SELECT instance_id, metric, dimension, avg, max, count, sketch FROM metering_1d_month
				WHERE instance_id = ANY(?::uuid[]) AND bucket = ?
				""", (ResultSet rs) -> {
			Metric metric = Metric.ofCode(rs.getShort(2));
			String key = DayCells.key(rs.getObject(1, UUID.class), metric, rs.getString(3));
			rows.put(key, MonthRow.read(rs, 3, key, metric, month));
		}, ids, Timestamp.from(month));
		return rows;
	}

	/** Replaces the month rows of these instances by {@code rows}. */
	static void replace(JdbcTemplate jdbc, UUID[] ids, Instant month, Collection<MonthRow> rows) {
		jdbc.update("DELETE FROM metering_1d_month WHERE instance_id = ANY(?::uuid[]) AND bucket = ?", ids,
				Timestamp.from(month));
		StringBuilder text = new StringBuilder();
		for (MonthRow row : rows) {
			row.copyText(text);
		}
		CopyIn.copy(jdbc, COPY, text);
	}

}
