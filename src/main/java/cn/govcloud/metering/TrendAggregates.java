package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hourly trend aggregates of {@code metering_trend_1h} (ADR 0035): per city, unit and
 * supplier, metric and UTC day, added up from the day's slots of the hourly month rows
 * ({@link HourMonths}, ADR 0038) of a set of instances. The packer adds each step's
 * instances, the bulk history load each chunk's (a host's series never split between
 * chunks), so both write the same rows; a day packed again is rebuilt from all its hourly
 * rows.
 */
@Component
class TrendAggregates {

	static final UUID CITY = new UUID(0, 0);

	/**
	 * Adds the grouped slots (column {@code d}: days after the first, {@code n}: the hour
	 * 1–24) to the days' rows.
	 */
	private static final String ADD = """
			INSERT INTO metering_trend_1h AS t (scope, owner, metric, bucket, total, rows, max, instances)
			SELECT scope, owner, metric, CAST(? AS timestamptz) + d * interval '24 hours',
			       array_agg(coalesce(total, 0) ORDER BY n), array_agg(coalesce(rows, 0) ORDER BY n),
			       array_agg(coalesce(max, '-Infinity') ORDER BY n), array_agg(coalesce(instances, 0) ORDER BY n)
			FROM (SELECT k.scope, k.owner, k.metric, k.d, s.n, g.total, g.rows, g.max, g.instances
			      FROM (SELECT DISTINCT scope, owner, metric, d FROM grouped) k
			      CROSS JOIN generate_series(1, 24) s(n)
			      LEFT JOIN grouped g ON g.scope = k.scope AND g.owner = k.owner AND g.metric = k.metric AND g.d = k.d
			                         AND g.n = s.n) x
			GROUP BY scope, owner, metric, d
			""";

	/** Adds a day's row to the stored one, hour by hour. */
	private static final String MERGE = """
			ON CONFLICT (scope, owner, metric, bucket) DO UPDATE SET
			  total = ARRAY(SELECT a + b FROM unnest(t.total, EXCLUDED.total) WITH ORDINALITY u(a, b, n) ORDER BY n),
			  rows = ARRAY(SELECT a + b FROM unnest(t.rows, EXCLUDED.rows) WITH ORDINALITY u(a, b, n) ORDER BY n),
			  max = ARRAY(SELECT greatest(a, b) FROM unnest(t.max, EXCLUDED.max) WITH ORDINALITY u(a, b, n) ORDER BY n),
			  instances = ARRAY(SELECT a + b FROM unnest(t.instances, EXCLUDED.instances) WITH ORDINALITY u(a, b, n) ORDER BY n)
			""";

	/**
	 * The slots of consecutive days of the month rows, grouped by group, metric, day and
	 * hour: each month row is read (and its arrays detoasted) once for all the days.
	 */
	private static final String GROUPED = """
			WITH grouped AS (
			  SELECT g.scope, g.owner, h.metric, (u.n - 1) / 24 AS d, (u.n - 1) % 24 + 1 AS n,
			         sum(metering_value(h.metric, u.a)) AS total, count(*)::int AS rows,
			         max(metering_value(h.metric, u.x)) AS max, count(DISTINCT h.instance_id)::int AS instances
			  FROM metering_1h_month h JOIN instance i ON i.id = h.instance_id
			  CROSS JOIN LATERAL unnest(h.avg[?:?], h.max[?:?], h.count[?:?]) WITH ORDINALITY AS u(a, x, c, n)
			  CROSS JOIN LATERAL (VALUES ('C', '00000000-0000-0000-0000-000000000000'::uuid), ('U', i.unit_id),
			                             ('S', i.supplier_id)) g(scope, owner)
			  WHERE h.instance_id = ANY(?::uuid[]) AND h.bucket = ? AND u.c > 0
			  GROUP BY 1, 2, 3, 4, 5
			)
			""";

	/** Where the sums made in Java are staged (the transaction's own temporary table). */
	private static final String STAGE = """
			CREATE TEMPORARY TABLE IF NOT EXISTS metering_trend_stage (scope char(1), owner uuid, metric smallint,
			  bucket timestamptz, total float8[], rows int[], max float8[], instances int[]) ON COMMIT DELETE ROWS
			""";

	private static final String STAGED = """
			INSERT INTO metering_trend_1h AS t (scope, owner, metric, bucket, total, rows, max, instances)
			SELECT scope, owner, metric, bucket, total, rows, max, instances FROM metering_trend_stage
			""";

	private final JdbcTemplate jdbc;

	TrendAggregates(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the packed hours of these instances on the UTC day {@code day}. */
	void add(UUID[] instances, Instant day) {
		add(instances, day, 1);
	}

	/**
	 * Adds the packed hours of these instances on {@code days} UTC days from
	 * {@code first}, all of one UTC month.
	 */
	void add(UUID[] instances, Instant first, int days) {
		int from = (first.atZone(ZoneOffset.UTC).getDayOfMonth() - 1) * 24 + 1;
		int to = from + days * 24 - 1;
		this.jdbc.update(GROUPED + ADD + MERGE, from, to, from, to, from, to, instances, Timestamp.from(month(first)),
				Timestamp.from(first));
	}

	/**
	 * Adds sums made in Java ({@link TrendSums}, the bulk load's) to the days' rows, as
	 * {@link #add(UUID[], Instant)} adds those of SQL.
	 */
	void add(TrendSums sums) {
		if (sums.size() == 0) {
			return;
		}
		StringBuilder text = new StringBuilder();
		for (Map.Entry<TrendSums.Key, TrendSums.Day> entry : sums.days().entrySet()) {
			TrendSums.Key key = entry.getKey();
			TrendSums.Day day = entry.getValue();
			text.append(key.scope()).append('\t').append(key.owner()).append('\t').append(key.metric().code());
			text.append('\t').append(key.bucket()).append('\t');
			array(text, (h) -> day.total[h]).append('\t');
			array(text, (h) -> day.rows[h]).append('\t');
			array(text, (h) -> day.max[h]).append('\t');
			array(text, (h) -> day.instances[h]).append('\n');
		}
		this.jdbc.execute(STAGE);
		CopyIn.copy(this.jdbc, "metering_trend_stage", text);
		this.jdbc.update(STAGED + MERGE);
		this.jdbc.execute("TRUNCATE metering_trend_stage");
	}

	/** An array of the 24 hours' values as COPY text. */
	private static StringBuilder array(StringBuilder text, IntFunction<Number> hour) {
		text.append('{');
		for (int h = 0; h < TrendSums.HOURS; h++) {
			text.append((h == 0) ? "" : ",").append(hour.apply(h));
		}
		return text.append('}');
	}

	/** The UTC month of a day: the bucket of its hourly month rows. */
	private static Instant month(Instant day) {
		return day.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
	}

	/** Whether the day has aggregates already (it is being packed again). */
	boolean exist(Instant day) {
		return Boolean.TRUE
			.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM metering_trend_1h WHERE bucket = ?)",
					Boolean.class, Timestamp.from(day)));
	}

	/** Rebuilds the day from all its hourly rows, a thousand instances at a time. */
	void rebuild(Instant day) {
		Timestamp bucket = Timestamp.from(day);
		this.jdbc.update("DELETE FROM metering_trend_1h WHERE bucket = ?", bucket);
		List<UUID> instances = this.jdbc.queryForList(
				"SELECT DISTINCT instance_id FROM metering_1h_month WHERE bucket = ?", UUID.class,
				Timestamp.from(month(day)));
		for (int i = 0; i < instances.size(); i += 1000) {
			add(instances.subList(i, Math.min(i + 1000, instances.size())).toArray(UUID[]::new), day);
		}
	}

	/** Drops the days older than {@code before}. */
	int dropBefore(Instant before) {
		return this.jdbc.update("DELETE FROM metering_trend_1h WHERE bucket < ?", Timestamp.from(before));
	}

}
