package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import cn.govcloud.metering.Utilisation.Row;
import cn.govcloud.shared.CityTime;

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

	private static final String HISTOGRAMS = """
			WITH parts AS (
			  SELECT instance_id, metric, dimension, h.b AS bin, h.c::bigint AS n,
			         CASE WHEN h.o = 1 THEN d.sum ELSE 0 END AS s, CASE WHEN h.o = 1 THEN d.count ELSE 0 END AS c, d.max AS x
			  FROM metering_1d d CROSS JOIN LATERAL unnest(d.bins, d.bin_counts) WITH ORDINALITY AS h(b, c, o)
			  WHERE %1$s AND d.bucket >= :first AND d.bucket < :last
			  UNION ALL
			  SELECT instance_id, metric, dimension, %2$s AS bin, 1, sum, count, max
			  FROM (SELECT instance_id, metric, metric AS m, dimension, bucket, sum, count, max, (sum / count)::real AS v
			        FROM (%3$s) f) y
			  WHERE bucket < :first OR bucket >= :last
			), bins AS (
			  SELECT instance_id, metric, dimension, bin, sum(n) AS n, sum(s) AS s, sum(c) AS c, max(x) AS x
			  FROM parts GROUP BY 1, 2, 3, 4
			), ranked AS (
			  SELECT *, sum(n) OVER (PARTITION BY instance_id, metric, dimension ORDER BY bin) AS below,
			         sum(n) OVER (PARTITION BY instance_id, metric, dimension) AS total
			  FROM bins
			)
			SELECT instance_id, metric, dimension, sum(s) / nullif(sum(c), 0) AS avg,
			       min(bin) FILTER (WHERE below >= ceil(0.95 * total)) AS p95_bin, max(x) AS max, sum(c) AS samples
			FROM ranked GROUP BY 1, 2, 3
			"""
		.formatted(KEYS, Histogram.SQL_BIN, Rollups.fiveMinutes(KEYS));

	private SummaryQueries() {
	}

	static List<Row> fromFiveMinutes(JdbcClient jdbc, Collection<UUID> ids, Metric metric, Instant from, Instant to) {
		String values = "SELECT instance_id, metric, dimension, sum / count AS v, sum, count, max FROM ("
				+ Rollups.fiveMinutes(KEYS) + ") f";
		return query(jdbc, AGGREGATE.formatted(values), ids, metric, from, to);
	}

	/**
	 * Whole sealed city days from the daily rollups, the rest of the period from the
	 * 5-minute points; p95 from the merged histograms (see {@link Histogram}): a month
	 * reads one row per series and day instead of 8,640 points (ADR 0012).
	 */
	static List<Row> fromHistograms(JdbcClient jdbc, Collection<UUID> ids, Metric metric, Instant from, Instant to) {
		Instant first = from.atZone(CityTime.ZONE).truncatedTo(ChronoUnit.DAYS).toInstant();
		if (first.isBefore(from)) {
			first = first.plus(Duration.ofDays(1));
		}
		Instant last = to.atZone(CityTime.ZONE).truncatedTo(ChronoUnit.DAYS).toInstant();
		Timestamp sealed = jdbc.sql("SELECT sealed_day FROM metering_consumer")
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		if (sealed == null || sealed.toInstant().isBefore(last)) {
			last = (sealed != null) ? sealed.toInstant() : first;
		}
		if (last.isBefore(first)) {
			last = first;
		}
		return bind(jdbc.sql(HISTOGRAMS), ids, metric, from, to).param("first", Timestamp.from(first))
			.param("last", Timestamp.from(last))
			.query((rs, n) -> {
				Metric m = Metric.ofCode(rs.getShort("metric"));
				return new Row(rs.getObject("instance_id", UUID.class), m, rs.getString("dimension"),
						rs.getDouble("avg"), Histogram.representative(m, rs.getInt("p95_bin")), rs.getDouble("max"),
						rs.getLong("samples"));
			})
			.list();
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

}
