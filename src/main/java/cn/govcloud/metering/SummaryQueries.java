package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.metering.Utilisation.Row;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL behind {@link Utilisation#summary}, one query per rollup. */
final class SummaryQueries {

	private static final String AGGREGATE = """
			SELECT instance_id, metric, dimension, sum(sum) / nullif(sum(count), 0) AS avg,
			       percentile_disc(0.95) WITHIN GROUP (ORDER BY v) AS p95, max(max) AS max, sum(count) AS samples
			FROM (%s) v
			GROUP BY instance_id, metric, dimension
			""";

	private static final String KEYS = " instance_id = ANY(:ids) AND (CAST(:metric AS smallint) IS NULL OR metric = :metric)";

	private static final String FILTER = KEYS + " AND bucket >= :from AND bucket < :to ";

	private SummaryQueries() {
	}

	static List<Row> fromFiveMinutes(JdbcClient jdbc, Collection<UUID> ids, Metric metric, Instant from, Instant to) {
		String values = "SELECT instance_id, metric, dimension, sum / count AS v, sum, count, max FROM ("
				+ Rollups.fiveMinutes(KEYS) + ") f";
		return query(jdbc, AGGREGATE.formatted(values), ids, metric, from, to);
	}

	/** Daily rollups: p95 estimated from their histograms (see {@link Histogram}). */
	static List<Row> fromDays(JdbcClient jdbc, Collection<UUID> ids, Metric metric, Instant from, Instant to) {
		Map<String, Row> totals = new LinkedHashMap<>();
		bind(jdbc.sql("""
				SELECT instance_id, metric, dimension, sum(sum) / nullif(sum(count), 0) AS avg, 0 AS p95,
				       max(max) AS max, sum(count) AS samples
				FROM metering_1d WHERE""" + FILTER + "GROUP BY instance_id, metric, dimension"), ids, metric, from, to)
			.query(Row::map)
			.list()
			.forEach((row) -> totals.put(key(row.instanceId(), row.metric(), row.dimension()), row));
		Map<String, Map<Integer, Long>> bins = new HashMap<>();
		bind(jdbc.sql("""
				SELECT instance_id, metric, dimension, h.b, sum(h.c) FROM metering_1d
				CROSS JOIN LATERAL unnest(bins, bin_counts) AS h(b, c)
				WHERE""" + FILTER + "GROUP BY instance_id, metric, dimension, h.b"), ids, metric, from, to)
			.query((java.sql.ResultSet rs) -> {
				String key = key(rs.getObject(1, UUID.class), Metric.ofCode(rs.getShort(2)), rs.getString(3));
				bins.computeIfAbsent(key, (k) -> new HashMap<>()).put(rs.getInt(4), rs.getLong(5));
			});
		List<Row> rows = new ArrayList<>();
		totals.forEach((key, row) -> rows.add(new Row(row.instanceId(), row.metric(), row.dimension(), row.avg(),
				Histogram.p95(row.metric(), bins.getOrDefault(key, Map.of())), row.max(), row.samples())));
		return rows;
	}

	private static List<Row> query(JdbcClient jdbc, String sql, Collection<UUID> ids, Metric metric, Instant from,
			Instant to) {
		return bind(jdbc.sql(sql), ids, metric, from, to).query(Row::map).list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Collection<UUID> ids,
			Metric metric, Instant from, Instant to) {
		return statement.param("ids", ids.toArray(UUID[]::new))
			.param("metric", (metric != null) ? metric.code() : null)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to));
	}

	private static String key(UUID instance, Metric metric, String dimension) {
		return instance + "|" + metric.code() + "|" + dimension;
	}

}
