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

	/** With a metric, part of the index scan's key (see {@link PeriodSummaries}). */
	private static final String ONE_METRIC = " instance_id = ANY(:ids) AND metric = :metric";

	private static final String EVERY_METRIC = " instance_id = ANY(:ids)";

	private SummaryQueries() {
	}

	static List<Row> fromFiveMinutes(JdbcClient jdbc, Collection<UUID> ids, Metric metric, Instant from, Instant to) {
		String values = "SELECT instance_id, metric, dimension, sum / count AS v, sum, count, max FROM ("
				+ Rollups.fiveMinutes((metric != null) ? ONE_METRIC : EVERY_METRIC) + ") f";
		return query(jdbc, AGGREGATE.formatted(values), ids, metric, from, to);
	}

	/**
	 * Whole sealed city days from the daily month rows, the rest of the period from the
	 * 5-minute points; p95 from the days' sketches (see {@link PeriodSummaries}): a month
	 * reads one row per series and city month instead of 8,640 points (ADR 0035).
	 */
	static List<Row> fromDays(JdbcClient jdbc, Collection<UUID> ids, Metric metric, Instant from, Instant to) {
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
		return PeriodSummaries.read(jdbc, ids, metric, from, to, first, last);
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
