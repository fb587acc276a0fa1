package cn.govcloud.bench;

import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * GovCloud's half of the benchmark: a fresh database, the hosts seeded, an ingest
 * credential, the workload, the heap watched over JMX, then the checks that what was
 * acknowledged is stored — also after {@code kill -9} and a restart.
 */
final class GovCloudRun {

	private final IngestBenchmark benchmark;

	private final Workload workload;

	GovCloudRun(IngestBenchmark benchmark, Workload workload) {
		this.benchmark = benchmark;
		this.workload = workload;
	}

	LoadRun.Result run() throws Exception {
		Path log = Path.of(this.benchmark.option("logs"), "govcloud.log");
		System.out.println(
				"GovCloud: " + this.benchmark.jar() + " with -Xmx" + this.benchmark.option("heap") + ", log in " + log);
		GovCloudUnderTest govcloud = new GovCloudUnderTest(this.benchmark.jar(), this.benchmark.option("heap"),
				this.benchmark.option("db-server"), log);
		govcloud.createDatabase();
		try {
			govcloud.start();
			long seeding = System.nanoTime();
			govcloud.seed(this.benchmark.number("hosts"));
			System.out.printf("GovCloud: database %s, %,d instances seeded in %.1f s; restarting%n",
					govcloud.database(), this.benchmark.number("hosts"), (System.nanoTime() - seeding) / 1e9);
			govcloud.close();
			govcloud.start();
			return measure(govcloud);
		}
		finally {
			govcloud.close();
			if (!"true".equals(System.getenv("BENCH_KEEP_DB"))) {
				govcloud.dropDatabase();
			}
		}
	}

	private LoadRun.Result measure(GovCloudUnderTest govcloud) throws Exception {
		String supplier = govcloud.supplierId();
		String token = govcloud.credential(supplier);
		List<MemoryPoolMXBean> pools = govcloud.heapPools();
		pools.forEach(MemoryPoolMXBean::resetPeakUsage);
		MemoryMXBean memory = govcloud.memory();
		long gc = govcloud.gcMillis();
		long cpu = govcloud.cpuNanos();
		PostgresCpu postgres = PostgresCpu.of(this.benchmark.option("db-server") + govcloud.database());
		double postgresCpu = postgres.seconds();
		this.benchmark.row("load before (1/5/15 min)", 1, Watch.load());
		LoadRun.Result result;
		try (Watch heap = new Watch(() -> IngestBenchmark.heapUsed(memory), 200)) {
			result = new LoadRun(URI.create("http://127.0.0.1:" + govcloud.port() + "/api/v1/write"), "Bearer " + token,
					this.benchmark.cap(), this.benchmark.number("senders"))
				.run(this.workload);
			this.benchmark.row("machine CPU busy during run", 1, IngestBenchmark.percent(heap.machineBusy()));
			long peaks = IngestBenchmark.sumPeaks(pools);
			this.benchmark.row("peak memory", 1,
					"heap %d MiB sampled every 0.2 s; pools' peaks summed %d MiB (≥ true peak); -Xmx%s"
						.formatted(heap.max() >> 20, peaks >> 20, this.benchmark.option("heap")));
			this.benchmark.check(peaks < (1L << 30), "GovCloud's heap pools peaked at " + (peaks >> 20) + " MiB");
		}
		double jvm = (govcloud.cpuNanos() - cpu) / 1e9;
		double database = postgres.seconds() - postgresCpu;
		double millions = result.accepted() / 1e6;
		this.benchmark.row("receiver CPU seconds / million samples", 1,
				"%.2f while sending: JVM %.2f + PostgreSQL %.2f; GC %d ms".formatted((jvm + database) / millions,
						jvm / millions, database / millions, govcloud.gcMillis() - gc));
		long drainStart = System.nanoTime();
		Map<String, Object> stats = drained(govcloud, supplier);
		double drain = (System.nanoTime() - drainStart) / 1e9;
		this.benchmark.row("accepted samples/s counting the rollup drain", 1,
				"%,.0f (acknowledged / (wall time + %.1f s until no batch was pending))"
					.formatted(result.accepted() / (result.seconds() + drain), drain));
		this.benchmark.row("CPU seconds / million samples incl. drain", 1, "%.2f (JVM + PostgreSQL)"
			.formatted(((govcloud.cpuNanos() - cpu) / 1e9 + postgres.seconds() - postgresCpu) / millions));
		this.benchmark.row("stored (own count)", 1, stats.toString());
		long received = ((Number) stats.get("receivedSamples")).longValue();
		this.benchmark.check(received == result.accepted(),
				"GovCloud's stats count " + received + " received samples, but it acknowledged " + result.accepted());
		if (GovCloudUnderTest.jfr() != null) {
			govcloud.dumpRecording();
		}
		govcloud.kill();
		govcloud.start();
		Map<String, Object> after = govcloud.stats(supplier);
		this.benchmark.row("after kill -9 and restart", 1, after.toString());
		this.benchmark.check(((Number) after.get("receivedSamples")).longValue() == result.accepted(),
				"After kill -9 GovCloud counts " + after.get("receivedSamples") + " received samples, acknowledged "
						+ result.accepted());
		this.benchmark.check(after.get("storedSamples").equals(stats.get("storedSamples")),
				"Stored samples changed across kill -9: " + stats.get("storedSamples") + " → "
						+ after.get("storedSamples"));
		return result;
	}

	/** The stats once no batch is pending any more (at most ten minutes). */
	private Map<String, Object> drained(GovCloudUnderTest govcloud, String supplier) throws InterruptedException {
		long start = System.nanoTime();
		Map<String, Object> stats = govcloud.stats(supplier);
		while (((Number) stats.getOrDefault("pendingBatches", 0)).longValue() > 0
				&& System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
			// every 100 ms: the drain is measured to a tenth of a second (it was half a
			// second)
			Thread.sleep(100);
			stats = govcloud.stats(supplier);
		}
		return stats;
	}

}
