package cn.govcloud.metering;

/**
 * The rows a chart reads at one {@link Resolution}:
 * {@code instance_id, dimension, bucket,
 * sum, count, max} of one metric for a set of instances ({@code :ids}) from {@code :from}
 * to {@code :to} (see {@link Rollups}). Days not yet sealed are summed from the hours, so
 * a chart never has a hole where the consumer has not sealed yet.
 */
final class RollupSource {

	private static final String KEYS = "instance_id = ANY(:ids) AND metric = :metric";

	private RollupSource() {
	}

	static String sql(Resolution resolution) {
		return switch (resolution) {
			case FIVE_MINUTES ->
				"SELECT instance_id, dimension, bucket, sum, count, max FROM (" + Rollups.fiveMinutes(KEYS) + ") f";
			case HOUR -> "SELECT instance_id, dimension, bucket, sum, count, max FROM (" + Rollups.hours(KEYS) + ") h";
			case DAY ->
				"""
						SELECT instance_id, dimension, bucket, sum, count, max FROM metering_1d
						WHERE %1$s AND bucket >= :from AND bucket < :to AND bucket < %2$s
						UNION ALL
						SELECT instance_id, dimension, date_trunc('day', bucket, 'Asia/Shanghai'), sum(sum), sum(count), max(max)
						FROM (%3$s) h WHERE bucket >= %2$s
						GROUP BY instance_id, dimension, 3
						"""
					.formatted(KEYS, "(SELECT coalesce(sealed_day, '-infinity') FROM metering_consumer)",
							Rollups.hours(KEYS));
		};
	}

}
