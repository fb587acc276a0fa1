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
		double hours = perPoint("metering_5m_hour", "count(*) * 12");
		double cells = perPoint("metering_5m", "count(*)");
		double[] hourRow = fullestHourMonth();
		double hourly = hourRow[0] / hourRow[1];
		double daily = perPoint("metering_1d_month", "sum((SELECT count(*) FROM unnest(count) c WHERE c > 0))::bigint");
		double monthRow = perPoint("metering_1d_month", "count(*)");
		System.out.printf("Bytes per point (with indexes and TOAST): 5-minute packed %.1f, packed hours of the "
				+ "unpacked day %.1f, 5-minute cells %.1f, hourly %.1f (a month row of %.0f filled hours %.1f), daily "
				+ "%.1f (a month row %.1f: its 31 slots are paid for whether filled or not)%n", five, hours, cells,
				hourly, hourRow[1], hourRow[0], daily, monthRow);
		double gb = 1e9;
		double fiveGb = TIER_L_SERIES * 35 * 288 * five / gb;
		// the open day late in the UTC day: 23 packed hours (ADR 0041), and cells of the
		// last hour and the packer's grace (at most 14 buckets)
		double cellsGb = TIER_L_SERIES * (276 * hours + 14 * cells) / gb;
		// 395 days touch at most 14 UTC months: counted as 14 rows as full as the fullest
		double hourlyGb = TIER_L_SERIES * 14 * hourRow[0] / gb;
		// 5 years = 60 city months of full month rows per series (and one more begun)
		double dailyGb = TIER_L_SERIES * 61 * monthRow / gb;
		System.out.printf(
				"Projected at tier L (30,000 hosts × 7 series; 35 d / 395 d / 1825 d = 14 hourly and 61 daily month rows): 5-minute %.1f GB + "
						+ "one unpacked day (packed hours and cells) %.1f GB + hourly %.1f GB + daily %.1f GB = %.1f GB%n",
				fiveGb, cellsGb, hourlyGb, dailyGb, fiveGb + cellsGb + hourlyGb + dailyGb);
	}

	/**
	 * Bytes of an hourly month row and its filled hours, in the month partition whose
	 * rows are the fullest (a fill of 35 days has one whole month and two partial ones).
	 */
	private double[] fullestHourMonth() {
		double[] fullest = { Double.NaN, 0 };
		for (String partition : this.jdbc.queryForList(
				"SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'metering_1h_month'::regclass",
				String.class)) {
			Long bytes = this.jdbc.queryForObject("SELECT pg_total_relation_size(?::regclass)", Long.class, partition);
			double[] rows = this.jdbc.queryForObject(
					"SELECT count(*), coalesce(sum((SELECT count(*) FROM unnest(count) c WHERE c > 0)), 0) FROM "
							+ partition,
					(rs, n) -> new double[] { rs.getLong(1), rs.getLong(2) });
			System.out.printf("  %-24s %,15d bytes, %,10.0f rows, %,15.0f hours%n", partition, bytes, rows[0], rows[1]);
			if (rows[0] > 0 && rows[1] / rows[0] > fullest[1]) {
				fullest = new double[] { bytes / rows[0], rows[1] / rows[0] };
			}
		}
		return fullest;
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
