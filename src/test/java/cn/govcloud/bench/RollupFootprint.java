package cn.govcloud.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bytes per point of each rollup (tables with their partitions, TOAST and indexes) and
 * the footprint they project at tier L with the default retention.
 */
final class RollupFootprint {

	private static final long TIER_L_SERIES = 30_000L * 7;

	private final JdbcTemplate jdbc;

	RollupFootprint(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void print(int hosts) {
		double five = perPoint("metering_5m_day", "count(*) * 288");
		double cells = perPoint("metering_5m", "count(*)");
		double hourly = perPoint("metering_1h_day", "count(*) * 24");
		double daily = perPoint("metering_1d_month", "sum((SELECT count(*) FROM unnest(count) c WHERE c > 0))::bigint");
		double monthRow = perPoint("metering_1d_month", "count(*)");
		System.out.printf("Bytes per point (with indexes and TOAST): 5-minute packed %.1f, 5-minute cells of the "
				+ "unpacked day %.1f, hourly %.1f, daily %.1f (a month row %.1f: its 31 slots are paid for whether "
				+ "filled or not)%n", five, cells, hourly, daily, monthRow);
		double gb = 1e9;
		double fiveGb = TIER_L_SERIES * 35 * 288 * five / gb;
		double cellsGb = TIER_L_SERIES * 288 * cells / gb;
		double hourlyGb = TIER_L_SERIES * 395 * 24 * hourly / gb;
		// 5 years = 60 city months of full month rows per series (and one more begun)
		double dailyGb = TIER_L_SERIES * 61 * monthRow / gb;
		System.out.printf(
				"Projected at tier L (30,000 hosts × 7 series; 35 d / 395 d / 1825 d = 61 month rows): 5-minute %.1f GB + "
						+ "one unpacked day %.1f GB + hourly %.1f GB + daily %.1f GB = %.1f GB%n",
				fiveGb, cellsGb, hourlyGb, dailyGb, fiveGb + cellsGb + hourlyGb + dailyGb);
	}

	private double perPoint(String table, String points) {
		Long bytes = this.jdbc.queryForObject("""
				SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits
				WHERE inhparent = '%s'::regclass""".formatted(table), Long.class);
		Long count = this.jdbc.queryForObject("SELECT " + points + " FROM " + table, Long.class);
		System.out.printf("  %-16s %,15d bytes, %,15d points%n", table, bytes, count);
		return (count == null || count == 0) ? Double.NaN : (double) bytes / count;
	}

}
