package cn.govcloud.bench;

import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.govcloud.metering.PrometheusServer;

/**
 * The ingest benchmark of issue 6: identical remote-write 1.0 requests (node_exporter
 * series of {@code --hosts} hosts, {@code --rounds} scrapes 15 s apart) sent first to
 * Debian's Prometheus with its remote-write receiver, then to GovCloud's packaged jar;
 * prints accepted samples/s, the ratio, latencies, GovCloud's peak heap, and checks that
 * each stored what it acknowledged. Run by {@code bench/ingest.sh}; see
 * {@code bench/README.md}. Not a test: nothing runs it during {@code mvn verify}.
 */
public final class IngestBenchmark {

	private final Map<String, String> options;

	private final List<String> failures = new ArrayList<>();

	private final Map<String, String[]> table = new LinkedHashMap<>();

	private Workload workload;

	private IngestBenchmark(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>(Map.of("hosts", "30000", "rounds", "5", "senders", "4",
				"batch", "2000", "heap", "1g", "db-server", "jdbc:postgresql://127.0.0.1:5432/", "only", "both",
				"max-seconds", "1200", "logs", "target/bench", "series", "all"));
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 == args.length
					|| !options.containsKey(args[i].substring(2)) && !args[i].equals("--jar")) {
				System.err.println("Unknown option " + args[i] + "; options: " + options.keySet() + " and --jar");
				System.exit(2);
			}
			options.put(args[i].substring(2), args[++i]);
		}
		IngestBenchmark benchmark = new IngestBenchmark(options);
		System.exit(benchmark.run() ? 0 : 1);
	}

	private boolean run() throws Exception {
		int hosts = number("hosts");
		int rounds = number("rounds");
		int senders = number("senders");
		long started = System.nanoTime();
		NodeFleet fleet = new NodeFleet(hosts, Instant.now().toEpochMilli() - rounds * NodeFleet.INTERVAL_MILLIS,
				"metered".equals(option("series")));
		Workload workload = Workload.build(fleet, rounds, senders, number("batch"));
		this.workload = workload;
		System.out.printf(
				"Workload: %,d hosts, %,d series, %d rounds 15 s apart = %,d samples in %,d requests of ≤ %s samples "
						+ "(%.1f KiB snappy on average), %d senders; encoded in %.1f s%n",
				hosts, workload.series(), rounds, workload.samples(), workload.requests(), this.options.get("batch"),
				workload.bytes() / 1024.0 / workload.requests(), senders, (System.nanoTime() - started) / 1e9);
		Files.createDirectories(Path.of(this.options.get("logs")));
		String only = this.options.get("only");
		LoadRun.Result prometheus = only.equals("govcloud") ? null : prometheus(workload, fleet);
		if (prometheus != null) {
			System.out.printf("Prometheus: %,.0f samples/s acknowledged%n", prometheus.rate());
		}
		LoadRun.Result govcloud = only.equals("prometheus") ? null : new GovCloudRun(this, workload).run();
		print(prometheus, govcloud);
		return this.failures.isEmpty();
	}

	private LoadRun.Result prometheus(Workload workload, NodeFleet fleet) throws Exception {
		System.out.println("Prometheus: starting " + PrometheusServer.BINARY + " --web.enable-remote-write-receiver");
		try (PrometheusServer server = PrometheusServer.start("global:\n  scrape_interval: 1m\n",
				"--web.enable-remote-write-receiver")) {
			row("load before (1/5/15 min)", 0, Watch.load());
			double cpu = server.selfMetric("process_cpu_seconds_total");
			LoadRun.Result result;
			try (Watch rss = new Watch(() -> (long) server.selfMetric("process_resident_memory_bytes"), 500)) {
				result = new LoadRun(URI.create(server.base() + "/api/v1/write"), null, cap(), number("senders"))
					.run(workload);
				row("machine CPU busy during run", 0, percent(rss.machineBusy()));
				row("peak memory", 0,
						"RSS %d MiB (process_resident_memory_bytes, sampled every 0.5 s)".formatted(rss.max() >> 20));
			}
			row("receiver CPU seconds / million samples", 0, "%.2f"
				.formatted((server.selfMetric("process_cpu_seconds_total") - cpu) / (result.accepted() / 1e6)));
			long appended = (long) server.selfMetric("prometheus_tsdb_head_samples_appended_total");
			double loadSamples = server.query("sum(count_over_time(node_memory_MemTotal_bytes[1h]))", Instant.now());
			row("accepted samples/s counting the rollup drain", 0, "(appended to the head before answering)");
			row("CPU seconds / million samples incl. drain", 0, "(as above)");
			row("stored (own count)", 0,
					"%,d appended (prometheus_tsdb_head_samples_appended_total); %,d head series; node_memory_MemTotal_bytes samples %,.0f"
						.formatted(appended, (long) server.selfMetric("prometheus_tsdb_head_series"), loadSamples));
			check(appended == result.accepted(),
					"Prometheus appended " + appended + " but acknowledged " + result.accepted());
			check(result.accepted() != workload.samples() || loadSamples == (double) fleet.hosts() * workload.rounds(),
					"Prometheus has " + loadSamples + " MemTotal samples, expected hosts × rounds");
			return result;
		}
	}

	Duration cap() {
		return Duration.ofSeconds(number("max-seconds"));
	}

	int number(String option) {
		return Integer.parseInt(this.options.get(option));
	}

	String option(String name) {
		return this.options.get(name);
	}

	Path jar() throws Exception {
		if (this.options.containsKey("jar")) {
			return Path.of(this.options.get("jar"));
		}
		try (var jars = Files.list(Path.of("target"))) {
			return jars.filter((path) -> path.toString().matches(".*/govcloud-[^/]*\\.jar"))
				.findFirst()
				.orElseThrow(
						() -> new IllegalStateException("No target/govcloud-*.jar: ./mvnw -o -DskipTests package"));
		}
	}

	/** A row of the final table; column 0 is Prometheus, 1 GovCloud. */
	void row(String name, int column, String value) {
		this.table.computeIfAbsent(name, (key) -> new String[] { "", "" })[column] = value;
	}

	void check(boolean condition, String failure) {
		if (!condition) {
			this.failures.add(failure);
		}
	}

	static String percent(double share) {
		return "%.0f %%".formatted(share * 100);
	}

	private void print(LoadRun.Result prometheus, LoadRun.Result govcloud) {
		for (int column = 0; column < 2; column++) {
			LoadRun.Result result = (column == 0) ? prometheus : govcloud;
			if (result == null) {
				continue;
			}
			check(result.accepted() == this.workload.samples(), (column == 0 ? "Prometheus" : "GovCloud")
					+ " acknowledged " + result.accepted() + " of " + this.workload.samples() + " samples");
			row("accepted samples/s (all rounds)", column, "%,.0f".formatted(result.rate()));
			row("  first round (new series)", column, "%,.0f".formatted(result.firstRoundRate()));
			row("  later rounds", column, "%,.0f".formatted(result.laterRoundsRate()));
			row("accepted / rejected samples", column, "%,d / %,d".formatted(result.accepted(), result.rejected()));
			row("wall time", column, "%.1f s".formatted(result.seconds()));
			row("request latency p50 / p99", column,
					"%.1f / %.1f ms".formatted(result.p50Micros() / 1e3, result.p99Micros() / 1e3));
			row("HTTP answers (status=count)", column, result.statuses() + ", retries " + result.retries());
			row("load generator's own CPU", column, "%.1f s".formatted(result.generatorCpuSeconds()));
			result.errors().forEach((error) -> System.out.println("  error: " + error));
		}
		System.out.println();
		System.out.printf("%-42s %-44s %s%n", "", "Prometheus 2.42 (Debian)", "GovCloud");
		this.table.forEach((name, values) -> System.out.printf("%-42s %-44s %s%n", name, values[0], values[1]));
		if (prometheus != null && govcloud != null) {
			System.out.printf("%nRATIO GovCloud / Prometheus accepted samples/s: %.2f (later rounds %.2f)%n",
					govcloud.rate() / prometheus.rate(), govcloud.laterRoundsRate() / prometheus.laterRoundsRate());
		}
		this.failures.forEach((failure) -> System.out.println("CHECK FAILED: " + failure));
		System.out.println(this.failures.isEmpty() ? "All checks passed." : this.failures.size() + " check(s) failed.");
	}

	static long sumPeaks(List<MemoryPoolMXBean> pools) {
		return pools.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
	}

	static long heapUsed(MemoryMXBean memory) {
		return memory.getHeapMemoryUsage().getUsed();
	}

}
