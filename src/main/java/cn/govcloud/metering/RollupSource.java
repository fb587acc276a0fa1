package cn.govcloud.metering;

/**
 * The rows a chart reads at one {@link Resolution}:
 * {@code instance_id, dimension, bucket,
 * sum, count, max} of one metric for a set of instances ({@code :ids}) from {@code :from}
 * to {@code :to}. Hours (days) not yet sealed are summed from the finer rollup, so a
 * chart never has a hole where the consumer has not sealed yet.
 */
final class RollupSource {

	private static final String FILTER = "instance_id = ANY(:ids) AND metric = :metric AND bucket >= :from AND bucket < :to";

	private RollupSource() {
	}

	static String sql(Resolution resolution) {
		return switch (resolution) {
			case FIVE_MINUTES ->
				"SELECT instance_id, dimension, bucket, sum, count, max FROM metering_5m WHERE " + FILTER;
			case HOUR -> sealedAndOpen("metering_1h", "metering_5m", "sealed_hour", "date_trunc('hour', bucket)");
			case DAY ->
				sealedAndOpen("metering_1d", "metering_1h", "sealed_day", "date_trunc('day', bucket, 'Asia/Shanghai')");
		};
	}

	private static String sealedAndOpen(String sealed, String finer, String watermark, String truncated) {
		String mark = "(SELECT coalesce(" + watermark + ", '-infinity') FROM metering_consumer)";
		return """
				SELECT instance_id, dimension, bucket, sum, count, max FROM %1$s
				WHERE %2$s AND bucket < %3$s
				UNION ALL
				SELECT instance_id, dimension, %4$s, sum(sum), sum(count), max(max) FROM %5$s
				WHERE %2$s AND bucket >= %3$s
				GROUP BY instance_id, dimension, 3
				""".formatted(sealed, FILTER, mark, truncated, finer);
	}

}
