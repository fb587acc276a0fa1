package cn.govcloud.metering;

/**
 * The SQL of the rollup points as rows
 * {@code instance_id, metric, dimension, bucket, sum,
 * count, max} in {@code [:from, :to)} (ADR 0012, 0038): 5-minute points from the packed
 * days ({@code metering_5m_day}, one row per series and UTC day), from the packed hours
 * of days not packed yet ({@code metering_5m_hour}, one row per series and UTC hour, ADR
 * 0041) and from their cells ({@code metering_5m}); hourly points from
 * {@code metering_1h_month} (one row per series and UTC month) and the open days' hours
 * and cells summed by hour. Packed averages and maxima are 16-bit codes decoded by
 * {@code metering_value} (V182); a packed row's sum is its average × count.
 */
final class Rollups {

	private static final String PACKED = """
			SELECT * FROM (
			  SELECT p.instance_id, p.metric, p.dimension, p.bucket + (u.n - 1) * interval '%2$s' AS bucket,
			         metering_value(p.metric, u.a) * u.c AS sum, u.c::int AS count, metering_value(p.metric, u.x) AS max
			  FROM %1$s p CROSS JOIN LATERAL unnest(p.avg, p.max, p.count) WITH ORDINALITY AS u(a, x, c, n)
			  WHERE %3$s AND p.bucket > CAST(:from AS timestamptz) - interval '%4$s' AND p.bucket < :to AND u.c > 0
			) packed WHERE bucket >= :from AND bucket < :to
			""";

	private Rollups() {
	}

	/**
	 * 5-minute points of the days not packed yet: their cells and their packed hours (ADR
	 * 0041).
	 */
	static String open(String keys) {
		return "SELECT instance_id, metric, dimension, bucket, sum, count, max FROM metering_5m WHERE " + keys
				+ " AND bucket >= :from AND bucket < :to UNION ALL " + packedHours(keys);
	}

	/** 5-minute points of the packed hours of the days not packed yet (ADR 0041). */
	static String packedHours(String keys) {
		return PACKED.formatted("metering_5m_hour", "5 minutes", keys, "1 hour");
	}

	/** 5-minute points of the series {@code keys} selects (columns of the rollups). */
	static String fiveMinutes(String keys) {
		return open(keys) + " UNION ALL " + PACKED.formatted("metering_5m_day", "5 minutes", keys, "1 day");
	}

	/**
	 * Hourly points of the series {@code keys} selects: the open days' points summed by
	 * whole hours in {@code [:from, :to)}, the hourly month rows.
	 */
	static String hours(String keys) {
		return """
				SELECT * FROM (
				  SELECT instance_id, metric, dimension, date_trunc('hour', bucket, 'UTC') AS bucket, sum(sum) AS sum,
				         sum(count)::int AS count, max(max) AS max
				  FROM (%s) o
				  GROUP BY 1, 2, 3, 4
				) open WHERE bucket >= :from AND bucket < :to
				UNION ALL
				""".formatted(open(keys)) + PACKED.formatted("metering_1h_month", "1 hour", keys, "31 days");
	}

}
