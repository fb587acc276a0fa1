package cn.govcloud.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import cn.govcloud.GovCloudApplication;
import cn.govcloud.metering.Metric;
import cn.govcloud.metering.UtilisationHistory;
import cn.govcloud.rightsizing.Recomputation;
import cn.govcloud.shared.CityTime;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rightsizing benchmark of issue 17: a fresh database on the machine's PostgreSQL,
 * {@code --hosts} ACTIVE hosts with {@code --days} whole days of CPU and memory history
 * (the generator of the rollup benchmark, written through {@link UtilisationHistory}),
 * then {@code --runs} recomputations of every recommendation, each timed (the target: 30
 * s at 30,000 hosts × 30 days). Run by {@code bench/rightsizing.sh}; not a test.
 */
public final class RightsizingBenchmark {

	private RightsizingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchDatabase.options(
				Map.of("hosts", "30000", "days", "30", "runs", "3", "db-server", "jdbc:postgresql://127.0.0.1:5432/"),
				args);
		int hosts = Integer.parseInt(options.get("hosts"));
		int days = Integer.parseInt(options.get("days"));
		String server = options.get("db-server");
		String database = BenchDatabase.create(server, "govcloud_rightsizing_");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GovCloudApplication.class).run(
				"--spring.datasource.url=" + server + database, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--govcloud.demo-data=true", "--server.port=0",
				"--govcloud.metering.consumer.enabled=false", "--govcloud.world.tier=none",
				"--logging.level.root=WARN");
		try {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			RollupBenchmark.HostFleet fleet = RollupBenchmark.HostFleet.seed(jdbc, hosts, 500);
			Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
			long started = System.nanoTime();
			context.getBean(UtilisationHistory.class)
				.load(new CpuAndMemory(new HistoryGenerator(fleet.instances(), end.minus(days, ChronoUnit.DAYS), end)));
			System.out.printf("Fill: %,d hosts × %d days of CPU and memory in %.0f s; load %s%n", hosts, days,
					(System.nanoTime() - started) / 1e9, Watch.load());
			jdbc.execute("VACUUM ANALYZE");
			Recomputation recomputation = context.getBean(Recomputation.class);
			for (int run = 1; run <= Integer.parseInt(options.get("runs")); run++) {
				long begun = System.nanoTime();
				int judged = recomputation.recompute(CityTime.today());
				System.out.printf("Recompute %d: %,d instances in %.1f s (target ≤ 30 s); load %s%n", run, judged,
						(System.nanoTime() - begun) / 1e9, Watch.load());
			}
			jdbc.query("SELECT action, count(*) FROM rightsizing_recommendation GROUP BY 1 ORDER BY 1", (rs) -> {
				System.out.printf("  %-18s %,d%n", rs.getString(1), rs.getLong(2));
			});
		}
		finally {
			context.close();
			BenchDatabase.drop(server, database);
		}
	}

	/** The generator's CPU and memory series only: what rightsizing reads. */
	private static final class CpuAndMemory implements Iterator<UtilisationHistory.Series> {

		private final HistoryGenerator all;

		private UtilisationHistory.Series ahead;

		CpuAndMemory(HistoryGenerator all) {
			this.all = all;
		}

		@Override
		public boolean hasNext() {
			while (this.ahead == null && this.all.hasNext()) {
				UtilisationHistory.Series series = this.all.next();
				if (series.metric() == Metric.CPU || series.metric() == Metric.MEMORY) {
					this.ahead = series;
				}
			}
			return this.ahead != null;
		}

		@Override
		public UtilisationHistory.Series next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			UtilisationHistory.Series series = this.ahead;
			this.ahead = null;
			return series;
		}

	}

}
