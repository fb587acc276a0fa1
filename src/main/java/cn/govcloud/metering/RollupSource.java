package cn.govcloud.metering;

/**
 * The rows a chart reads at one {@link Resolution}:
 * {@code instance_id, dimension, bucket,
 * sum, count, max} of one metric for a set of instances ({@code :ids}) from {@code :from}
 * to {@code :to} (see {@link Rollups}); days from the month rows of
 * {@code metering_1d_month} (ADR 0035, China keeps no daylight saving time: a day is 24
 * h). Days not yet sealed are summed from the hours, so a chart never has a hole where
 * the consumer has not sealed yet.
 */
final class RollupSource {

	private static final String KEYS = "instance_id = ANY(:ids) AND metric = :metric";

	private RollupSource() {
	}

	static String sql(Resolution resolution) {
		return switch (resolution) {
			// a late sample of a packed hour or day is a cell beside its packed slot: one
			// point
			case FIVE_MINUTES -> "SELECT instance_id, dimension, bucket, sum(sum) AS sum, sum(count) AS count, "
					+ "max(max) AS max FROM (" + Rollups.fiveMinutes(KEYS) + ") f GROUP BY 1, 2, 3";
			case HOUR -> "SELECT instance_id, dimension, bucket, sum, count, max FROM (" + Rollups.hours(KEYS) + ") h";
			case DAY ->
				"""
						SELECT * FROM (
						  SELECT p.instance_id, p.dimension, p.bucket + (u.n - 1) * interval '1 day' AS bucket,
						         u.a::float8 * u.c AS sum, u.c::bigint AS count, u.x::float8 AS max
						  FROM metering_1d_month p CROSS JOIN LATERAL unnest(p.avg, p.max, p.count) WITH ORDINALITY AS u(a, x, c, n)
						  WHERE p.%1$s AND p.bucket > CAST(:from AS timestamptz) - interval '31 days' AND p.bucket < :to AND u.c > 0
						) d WHERE bucket >= :from AND bucket < :to AND bucket < %2$s
						UNION ALL
						SELECT instance_id, dimension, date_trunc('day', bucket, 'Asia/Shanghai'), sum(sum), sum(count), max(max)
						FROM (%3$s) h WHERE bucket >= %2$s
						GROUP BY instance_id, dimension, 3
						"""
					.formatted(KEYS.replace(" AND metric", " AND p.metric"),
							"(SELECT coalesce(sealed_day, '-infinity') FROM metering_consumer)", Rollups.hours(KEYS));
		};
	}

}
