package cn.govcloud.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import cn.govcloud.GovCloudApplication;
import cn.govcloud.metering.UtilisationHistory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The storage and read benchmark of issue 12: a fresh database on the machine's
 * PostgreSQL, {@code --hosts} hosts (the first {@code --unit-hosts} in a unit of their
 * own) and {@code --days} days of 5-minute history per host written through
 * {@link UtilisationHistory} (the bulk path that writes the consumer's rows); prints the
 * fill rate, the bytes per point of each rollup and the projected footprint at tier L
 * (30,000 hosts, default retention), then times the reads of issue 12. Run by
 * {@code bench/rollups.sh}; not a test.
 */
public final class RollupBenchmark {

	private RollupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchDatabase.options(Map.of("hosts", "30000", "days", "35", "unit-hosts", "500",
				"db-server", "jdbc:postgresql://127.0.0.1:5432/", "reads", "3"), args);
		int hosts = Integer.parseInt(options.get("hosts"));
		int days = Integer.parseInt(options.get("days"));
		String server = options.get("db-server");
		String database = BenchDatabase.create(server, "govcloud_rollups_");
		System.out.printf("Machine: %d cores, load %s; database %s%n", Runtime.getRuntime().availableProcessors(),
				Watch.load(), database);
		// command-line arguments: application.yml's ${GOVCLOUD_DB_URL:} would override
		// default properties. No generated world: its utilisation, written in the
		// background, raced the fill for the same partitions and stopped it.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GovCloudApplication.class).run(
				"--spring.datasource.url=" + server + database, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--govcloud.demo-data=true", "--server.port=0",
				"--govcloud.metering.consumer.enabled=false", "--govcloud.world.tier=none",
				"--logging.level.root=WARN");
		try {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			HostFleet fleet = HostFleet.seed(jdbc, hosts, Integer.parseInt(options.get("unit-hosts")));
			// up to the last 5 minutes: the open day's finished hours packed, the rest
			// cells (ADR 0041)
			Instant now = Instant.now();
			Instant end = Instant.ofEpochSecond(now.getEpochSecond() - now.getEpochSecond() % 300);
			Instant start = end.minus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
			long started = System.nanoTime();
			UtilisationHistory history = context.getBean(UtilisationHistory.class);
			HistoryGenerator generator = new HistoryGenerator(fleet.instances(), start, end);
			history.load(generator);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf(
					"Fill: %,d hosts × %d days = %,d series, %,d 5-minute points in %.0f s "
							+ "(%,.0f points/s through UtilisationHistory.load), load %s%n",
					hosts, days, generator.series(), generator.points(), seconds, generator.points() / seconds,
					Watch.load());
			jdbc.execute("VACUUM ANALYZE");
			new RollupFootprint(jdbc).print(hosts);
			RollupReads reads = new RollupReads(context, fleet);
			int times = Integer.parseInt(options.get("reads"));
			List<String[]> results = new ArrayList<>();
			results.add(time("city trend, CPU, 30 days (hourly; packed days from the trend aggregates)", times,
					reads::cityTrend));
			results.add(time("unit of " + fleet.unitHosts() + " hosts: avg/p95/max table, all metrics, 30 days", times,
					reads::unitTable));
			results
				.add(time("unit of " + fleet.unitHosts() + " hosts: the same table, last calendar month (whole days)",
						times, reads::unitCalendarMonth));
			results.add(time("one instance, CPU chart, 30 days", times, reads::instanceMonth));
			results.add(time("one instance, CPU chart, 2 days (5-minute points)", times, reads::instanceTwoDays));
			for (String[] row : results) {
				System.out.printf("%-75s %s%n", row[0], row[1]);
			}
			System.out.printf("p95 of the month table against the exact 5-minute p95: %s; load %s%n",
					reads.p95Error(jdbc, 50), Watch.load());
		}
		finally {
			context.close();
			BenchDatabase.drop(server, database);
		}
	}

	private static String[] time(String what, int times, Supplier<Integer> read) {
		List<Double> seconds = new ArrayList<>();
		int rows = 0;
		for (int i = 0; i < times; i++) {
			long started = System.nanoTime();
			rows = read.get();
			seconds.add((System.nanoTime() - started) / 1e9);
		}
		String load = Watch.load();
		return new String[] { what, "%d rows; %s s in turn (first cold-ish, then cached); load %s".formatted(rows,
				seconds.stream().map((s) -> "%.2f".formatted(s)).toList(), load) };
	}

	/** The seeded hosts. */
	record HostFleet(List<UUID> instances, UUID unitId, int unitHosts, UUID cityUnit) {

		static HostFleet seed(JdbcTemplate jdbc, int hosts, int unitHosts) {
			UUID unit = unit(jdbc, "宜兴市教育局");
			UUID city = unit(jdbc, "宜兴市公安局");
			UUID supplier = jdbc.queryForObject("""
					SELECT id FROM organization WHERE kind = 'SUPPLIER' AND name = '宜兴政务云服务有限公司'
					ORDER BY created_at LIMIT 1""", UUID.class);
			UUID unitSystem = system(jdbc, unit);
			UUID citySystem = system(jdbc, city);
			jdbc.update(
					"""
							INSERT INTO instance (id, unit_id, supplier_id, system_id, kind_code, name, cloud_instance_id, spec,
							                      zone, state, active_from, created_at)
							SELECT gen_random_uuid(), CASE WHEN i < ? THEN ?::uuid ELSE ?::uuid END, ?::uuid,
							       CASE WHEN i < ? THEN ?::uuid ELSE ?::uuid END, 'CLOUD_HOST', 'bench-' || i, 'i-rollups-' || i,
							       jsonb_build_object('vcpu', 4, 'memoryGib', 8, 'systemDiskGib', 100, 'os', '麒麟 Kylin'),
							       'bench', 'ACTIVE', current_date - 60, now()
							FROM generate_series(0, ?) i""",
					unitHosts, unit, city, supplier, unitHosts, unitSystem, citySystem, hosts - 1);
			List<UUID> instances = jdbc.queryForList(
					"SELECT id FROM instance WHERE zone = 'bench' ORDER BY substring(name FROM 7)::int", UUID.class);
			return new HostFleet(instances, unit, Math.min(unitHosts, hosts), city);
		}

		private static UUID unit(JdbcTemplate jdbc, String name) {
			return jdbc.queryForObject(
					"SELECT id FROM organization WHERE kind = 'UNIT' AND name = ? ORDER BY created_at LIMIT 1",
					UUID.class, name);
		}

		private static UUID system(JdbcTemplate jdbc, UUID unit) {
			UUID id = UUID.randomUUID();
			jdbc.update("""
					INSERT INTO application_system (id, unit_id, name, purpose, hosting_status, created_at, updated_at)
					VALUES (?, ?, ?, 'rollup benchmark', 'ON_PLATFORM', now(), now())""", id, unit, "存储基准系统 " + id);
			return id;
		}

	}

}
