package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.OrganizationKind;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An hourly trend read from the trend aggregates (ADR 0035) when the caller's instances
 * are exactly one group's: the Commission the city's or, filtering a unit, that unit's; a
 * unit its own; a supplier those it runs. The packed days come from the aggregates (~30
 * rows a month, whatever the number of hosts), the finished hours of the days not packed
 * yet from their own aggregates ({@link OpenHourTrend}), only the last hour or two from
 * the instances' own points.
 */
final class GroupTrend {

	private static final String AGGREGATES = """
			SELECT bucket, value, max, instances FROM (
			  SELECT t.bucket + (u.n - 1) * interval '1 hour' AS bucket,
			         CASE WHEN :ratio THEN u.total / u.rows ELSE u.total END AS value, u.x::float8 AS max, u.i AS instances
			  FROM metering_trend_1h t
			  CROSS JOIN LATERAL unnest(t.total, t.rows, t.max, t.instances) WITH ORDINALITY AS u(total, rows, x, i, n)
			  WHERE t.scope = :scope AND t.owner = :owner AND t.metric = :metric
			    AND t.bucket > CAST(:from AS timestamptz) - interval '1 day' AND t.bucket < :to AND u.rows > 0
			) a WHERE bucket >= :from AND bucket < :to AND bucket < :until ORDER BY bucket
			""";

	/** The finished hours of the days not packed yet ({@link OpenHourTrend}). */
	private static final String OPEN_HOURS = """
			SELECT hour, CASE WHEN :ratio THEN total / rows ELSE total END, max, instances FROM metering_trend_open
			WHERE scope = :scope AND owner = :owner AND metric = :metric AND hour >= :from AND hour < :to
			  AND hour < :until AND rows > 0
			ORDER BY hour
			""";

	/**
	 * The most instances whose hours after the last one aggregated are read one by one: a
	 * larger group's trend ends at its last aggregated hour (at most ~70 minutes ago),
	 * since the hour or two after it are ~10⁴ cells per thousand instances (issue 12).
	 */
	static final int TAIL_INSTANCES = 1000;

	private GroupTrend() {
	}

	/** The group whose aggregates are exactly the caller's instances, if any. */
	static Optional<Group> of(DataScope scope, UtilisationFilter filter) {
		if (filter.systemId() != null) {
			return Optional.empty();
		}
		UUID unit = filter.unitId();
		if (scope.seesAll()) {
			return Optional.of((unit == null) ? new Group("C", TrendAggregates.CITY) : new Group("U", unit));
		}
		UUID own = scope.principal().organizationId();
		OrganizationKind kind = scope.principal().organizationKind();
		if (kind == OrganizationKind.SUPPLIER && unit == null) {
			return Optional.of(new Group("S", own));
		}
		UUID[] visible = scope.sql("owner").organizations();
		if (kind == OrganizationKind.UNIT && visible != null && visible.length == 1 && visible[0].equals(own)
				&& (unit == null || unit.equals(own))) {
			return Optional.of(new Group("U", own));
		}
		return Optional.empty();
	}

	/**
	 * The group's trend: aggregates before the first UTC day not packed, the instances'
	 * points from there on.
	 */
	static List<TrendPoint> read(JdbcClient jdbc, Group group, UUID[] ids, Metric metric, Instant from, Instant to) {
		return read(jdbc, group, ids, metric, from, to, TAIL_INSTANCES);
	}

	static List<TrendPoint> read(JdbcClient jdbc, Group group, UUID[] ids, Metric metric, Instant from, Instant to,
			int tailInstances) {
		// the first UTC day not packed, and the end of the open hours added up since
		Map<String, Object> marks = jdbc.sql("""
				SELECT c.sealed_hour AS packed,
				       (SELECT max(hour) + interval '1 hour' FROM metering_trend_open_hour WHERE hour >= c.sealed_hour)
				           AS aggregated
				FROM metering_consumer c
				""").query().listOfRows().stream().findFirst().orElse(Map.of());
		Timestamp packed = (Timestamp) marks.get("packed");
		if (packed == null) {
			return UtilisationTrend.points(jdbc, ids, metric, from, to, Resolution.HOUR);
		}
		List<TrendPoint> points = new ArrayList<>(aggregates(jdbc, AGGREGATES, group, metric, from, to, packed));
		Instant open = packed.toInstant().isAfter(from) ? packed.toInstant() : from;
		Timestamp aggregated = (Timestamp) marks.get("aggregated");
		if (open.isBefore(to) && aggregated != null && aggregated.toInstant().isAfter(open)) {
			points.addAll(aggregates(jdbc, OPEN_HOURS, group, metric, open, to, aggregated));
			open = aggregated.toInstant();
		}
		if (open.isBefore(to) && ids.length <= tailInstances) {
			points.addAll(UtilisationTrend.points(jdbc, ids, metric, open, to, Resolution.HOUR));
		}
		return points;
	}

	/** The group's points of {@code sql} in {@code [from, to)} before {@code until}. */
	private static List<TrendPoint> aggregates(JdbcClient jdbc, String sql, Group group, Metric metric, Instant from,
			Instant to, Timestamp until) {
		return jdbc.sql(sql)
			.param("ratio", metric.ratio())
			.param("scope", group.scope())
			.param("owner", group.owner())
			.param("metric", metric.code())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("until", until)
			.query((rs, n) -> new TrendPoint(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3),
					rs.getInt(4)))
			.list();
	}

	record Group(String scope, UUID owner) {
	}

}
