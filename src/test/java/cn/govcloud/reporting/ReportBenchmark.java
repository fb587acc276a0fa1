package cn.govcloud.reporting;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import cn.govcloud.GovCloudApplication;
import cn.govcloud.bench.BackendCpu;
import cn.govcloud.bench.BenchDatabase;
import cn.govcloud.bench.Watch;
import cn.govcloud.shared.CityTime;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly reports' benchmark of issue 15: a fresh database on the machine's
 * PostgreSQL with a generated world of {@code --units} units and {@code --hosts} hosts
 * (tier L: 1,000 and 30,000) and {@code --days} of utilisation, then the month before is
 * drafted for every unit as the 1st's run does, and every report is written as PDF and as
 * Excel ({@code --threads} at a time). Prints the time of each part, reports per second
 * and the peak heap (target: ≤ 5 minutes with PDF and Excel, heap ≤ 1 GiB). Run by
 * {@code bench/reports.sh}; not a test. {@code --database NAME} measures again on a world
 * kept before ({@code BENCH_KEEP_DB=true}) instead of generating one, and keeps it.
 */
public final class ReportBenchmark {

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchDatabase.options(
				Map.of("units", "1000", "hosts", "30000", "systems", "", "days", "35", "threads",
						Integer.toString(Runtime.getRuntime().availableProcessors()), "db-server",
						"jdbc:postgresql://127.0.0.1:5432/", "database", "", "world-only", "false", "drop", "false"),
				args);
		int units = Integer.parseInt(options.get("units"));
		int hosts = Integer.parseInt(options.get("hosts"));
		String systems = options.get("systems").isEmpty() ? Integer.toString(units * 15 / 2) : options.get("systems");
		String server = options.get("db-server");
		boolean reuse = !options.get("database").isEmpty();
		String database = reuse ? options.get("database") : BenchDatabase.create(server, "govcloud_reports_");
		long worldStarted = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GovCloudApplication.class).run(
				"--spring.datasource.url=" + server + database, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--govcloud.demo-data=true", "--server.port=0",
				"--govcloud.metering.consumer.enabled=false", "--govcloud.world.tier=custom",
				"--govcloud.world.units=" + units, "--govcloud.world.systems=" + systems,
				"--govcloud.world.hosts=" + hosts, "--govcloud.world.days=" + options.get("days"),
				"--govcloud.world.utilisation-in-background=false", "--govcloud.reporting.draft-cron=-",
				"--logging.level.root=WARN", "--logging.level.cn.govcloud.world=INFO",
				"--logging.level.cn.govcloud.reporting.ReportDrafting=INFO");
		boolean worldOnly = Boolean.parseBoolean(options.get("world-only"));
		try {
			System.out.printf("World: %,d units, %s systems, %,d hosts, %s days in %.0f s; load %s%n", units, systems,
					hosts, options.get("days"), (System.nanoTime() - worldStarted) / 1e9, Watch.load());
			if (worldOnly) {
				// bench/reports.sh measures in a second JVM with -Xmx1g on this database
				System.out.println("World database: " + database);
			}
			else {
				run(context, YearMonth.from(CityTime.today()).minusMonths(1), Integer.parseInt(options.get("threads")));
			}
		}
		finally {
			context.close();
			if ((!reuse && !worldOnly) || Boolean.parseBoolean(options.get("drop"))) {
				BenchDatabase.drop(server, database);
			}
		}
	}

	private static void run(ConfigurableApplicationContext context, YearMonth month, int threads) throws Exception {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		ReportRun run = context.getBean(ReportRun.class);
		ReportStore store = context.getBean(ReportStore.class);
		ReportPdf pdf = context.getBean(ReportPdf.class);
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		HeapSampler heap = HeapSampler.begin();
		BackendCpu database = BackendCpu.of(jdbc);
		double cpuAtStart = processCpu();
		long started = System.nanoTime();
		run.claim(month, true);
		int drafted = run.draftAll(month);
		double draftSeconds = (System.nanoTime() - started) / 1e9;
		double draftCpu = processCpu() - cpuAtStart;
		double draftDatabase = database.seconds();
		System.out.printf("Drafted %,d reports of %s in %.1f s (CPU: GovCloud %.1f s, PostgreSQL %.1f s); load %s%n",
				drafted, month, draftSeconds, draftCpu, draftDatabase, Watch.load());
		List<UUID> ids = jdbc.sql("SELECT id FROM reporting_report WHERE month = :m ORDER BY id")
			.param("m", Date.valueOf(month.atDay(1)))
			.query(UUID.class)
			.list();
		AtomicLong pdfBytes = new AtomicLong();
		AtomicLong xlsxBytes = new AtomicLong();
		long filesStarted = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> files = ids.stream().<Future<?>>map((id) -> pool.submit(() -> {
				ReportView view = new ReportView(store.find(id).orElseThrow(), store.content(id), List.of());
				pdfBytes.addAndGet(pdf.write(view, Locale.SIMPLIFIED_CHINESE).length);
				xlsxBytes.addAndGet(ReportWorkbook.write(view).length);
			})).toList();
			for (Future<?> file : files) {
				file.get();
			}
		}
		finally {
			pool.shutdown();
		}
		double filesSeconds = (System.nanoTime() - filesStarted) / 1e9;
		double total = (System.nanoTime() - started) / 1e9;
		double filesCpu = processCpu() - cpuAtStart - draftCpu;
		double filesDatabase = database.seconds() - draftDatabase;
		System.out.printf(
				"PDF and Excel of %,d reports in %.1f s (%d threads; CPU: GovCloud %.1f s, PostgreSQL %.1f s): %.1f MB PDF, "
						+ "%.1f MB Excel; load %s%n",
				ids.size(), filesSeconds, threads, filesCpu, filesDatabase, pdfBytes.get() / 1e6, xlsxBytes.get() / 1e6,
				Watch.load());
		double work = draftCpu + draftDatabase + filesCpu + filesDatabase;
		System.out.printf(
				"CPU used: %.1f s in all (%.2f s per report); alone on this machine's %d cores at least " + "%.1f s%n",
				work, work / ids.size(), Runtime.getRuntime().availableProcessors(),
				work / Runtime.getRuntime().availableProcessors());
		System.out.printf(
				"Total %.1f s for %,d reports with PDF and Excel: %.1f reports/s (target ≤ 300 s at 1,000 "
						+ "units); peak heap %.0f MiB of %.0f MiB max (target ≤ 1024)%n",
				total, ids.size(), ids.size() / total, peakHeap() / 1048576.0,
				Runtime.getRuntime().maxMemory() / 1048576.0);
		heap.finish();
		System.out.printf(
				"Heap in use, sampled every 0.1 s: at most %.0f MiB; live after a collection of the old generation: "
						+ "at most %.0f MiB (the pools' peaks above are summed, each at its own moment)%n",
				heap.used / 1048576.0, heap.live / 1048576.0);
	}

	/**
	 * The heap in use (a lower bound of the peak) and the old generation after
	 * collections.
	 */
	private static final class HeapSampler extends Thread {

		private volatile boolean running = true;

		volatile long used;

		volatile long live;

		static HeapSampler begin() {
			HeapSampler sampler = new HeapSampler();
			sampler.setDaemon(true);
			sampler.start();
			return sampler;
		}

		@Override
		public void run() {
			while (this.running) {
				this.used = Math.max(this.used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
				for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
					if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")
							&& pool.getCollectionUsage() != null) {
						this.live = Math.max(this.live, pool.getCollectionUsage().getUsed());
					}
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		void finish() throws InterruptedException {
			this.running = false;
			join();
		}

	}

	/** Seconds of CPU this JVM used so far (every thread, the collector's too). */
	private static double processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	/**
	 * The sum of the heap pools' peaks since they were reset: an upper bound of the peak.
	 */
	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
	}

}
