package cn.govcloud.metering;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govcloud.metering.RemoteWriteEncoder.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quick ingest throughput check (not the benchmark of issue 6): GovCloud in its own JVM
 * ({@code -Xmx1g}, fsync on), H hosts registered, node_exporter-like requests of 2,000
 * samples from several senders; prints samples/s and the peak heap, and checks the
 * durable totals equal what was acknowledged. Run with
 * {@code ./mvnw -B -o verify -Dit.test=MeteringThroughput* -Dtest=none -Dmetering.throughput=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "metering.throughput", matches = "true")
class MeteringThroughputIntegrationTests {

	private static final int HOSTS = Integer.getInteger("metering.hosts", 30_000);

	private static final int ROUNDS = Integer.getInteger("metering.rounds", 3);

	private static final int SENDERS = Integer.getInteger("metering.senders", 4);

	@Test
	void ingestThroughput() throws Exception {
		try (GovCloudProcess govcloud = new GovCloudProcess("-Xmx1g",
				"-Dgovcloud.metering.consumer.enabled=" + System.getProperty("metering.consumer", "true"))) {
			govcloud.start();
			JdbcClient jdbc = govcloud.database();
			MeteringFixtures fixtures = new MeteringFixtures(jdbc, govcloud.port());
			UUID supplier = fixtures.organizationOf("operator");
			registerHosts(jdbc, fixtures.organizationOf("unitadmin"), supplier);
			String token = fixtures.credential(supplier);
			Thread.sleep(3000);
			long start = System.currentTimeMillis() - ROUNDS * 15_000L - 60_000;
			List<byte[]> requests = new ArrayList<>();
			int samples = 0;
			for (int round = 0; round < ROUNDS; round++) {
				List<Series> batch = new ArrayList<>();
				for (int host = 0; host < HOSTS; host++) {
					for (Series series : node(host, start + round * 15_000L, round)) {
						batch.add(series);
						if (batch.size() == 2000) {
							requests.add(RemoteWriteEncoder.snappy(RemoteWriteEncoder.v1(batch)));
							samples += batch.size();
							batch = new ArrayList<>();
						}
					}
				}
				if (!batch.isEmpty()) {
					requests.add(RemoteWriteEncoder.snappy(RemoteWriteEncoder.v1(batch)));
					samples += batch.size();
				}
			}
			HttpClient http = HttpClient.newHttpClient();
			AtomicInteger next = new AtomicInteger();
			AtomicLong acknowledged = new AtomicLong();
			AtomicLong peakHeap = new AtomicLong();
			ExecutorService senders = Executors.newFixedThreadPool(SENDERS + 1);
			long began = System.nanoTime();
			List<Future<?>> running = new ArrayList<>();
			for (int s = 0; s < SENDERS; s++) {
				running.add(senders.submit(() -> {
					for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
						HttpResponse<String> answer = http.send(HttpRequest
							.newBuilder(URI.create("http://localhost:" + govcloud.port() + "/api/v1/write"))
							.header("Authorization", "Bearer " + token)
							.header("Content-Type", MeteringFixtures.V1)
							.header("Content-Encoding", "snappy")
							.POST(HttpRequest.BodyPublishers.ofByteArray(requests.get(i)))
							.build(), HttpResponse.BodyHandlers.ofString());
						assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
						acknowledged.addAndGet(2000);
					}
					return null;
				}));
			}
			Future<?> heap = senders.submit(() -> watchHeap(http, govcloud.port(), next, requests.size(), peakHeap));
			for (Future<?> sender : running) {
				sender.get();
			}
			double seconds = (System.nanoTime() - began) / 1e9;
			heap.get();
			senders.shutdown();
			long received = MeteringDurabilityIntegrationTests.stats(govcloud, supplier).get("receivedSamples");
			System.out.printf(
					"metering throughput: %d hosts, %d requests, %d samples in %.1f s = %.0f samples/s "
							+ "with %d senders; peak heap %d MiB; received %d%n",
					HOSTS, requests.size(), samples, seconds, samples / seconds, SENDERS, peakHeap.get() >> 20,
					received);
			assertThat(received).isEqualTo(samples);
		}
	}

	private static Void watchHeap(HttpClient http, int port, AtomicInteger next, int total, AtomicLong peak)
			throws Exception {
		Pattern used = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");
		while (next.get() < total) {
			String metrics = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
					.header("Authorization", "Bearer " + GovCloudProcess.SCRAPE_TOKEN)
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher matcher = used.matcher(metrics);
			long sum = 0;
			while (matcher.find()) {
				sum += (long) Double.parseDouble(matcher.group(1));
			}
			peak.accumulateAndGet(sum, Math::max);
			Thread.sleep(200);
		}
		return null;
	}

	private static void registerHosts(JdbcClient jdbc, UUID unit, UUID supplier) {
		UUID system = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO application_system (id, unit_id, name, purpose, hosting_status, created_at, updated_at)
				VALUES (:id, :unit, '压测系统', '压测', 'ON_PLATFORM', now(), now())
				""").param("id", system).param("unit", unit).update();
		jdbc.sql(
				"""
						WITH h AS (SELECT n, gen_random_uuid() AS id FROM generate_series(0, :hosts - 1) AS n),
						i AS (INSERT INTO instance (id, unit_id, supplier_id, system_id, kind_code, name, cloud_instance_id, spec,
						                            zone, state, active_from, created_at)
						      SELECT id, :unit, :supplier, :system, 'CLOUD_HOST', 'bench-' || n, 'i-bench-' || n, '{}'::jsonb,
						             '一区', 'PROVISIONING', NULL, now() FROM h RETURNING id, name)
						INSERT INTO instance_address (instance_id, supplier_id, address)
						SELECT i.id, :supplier, ('10.' || (n / 65536) || '.' || ((n / 256) % 256) || '.' || (n % 256))::inet
						FROM i JOIN h ON h.id = i.id
						""")
			.param("hosts", HOSTS)
			.param("unit", unit)
			.param("supplier", supplier)
			.param("system", system)
			.update();
	}

	/** About 64 node_exporter series of one host, 12 of which GovCloud keeps. */
	private static List<Series> node(int host, long ts, int round) {
		String instance = "10." + (host / 65536) + "." + ((host / 256) % 256) + "." + (host % 256) + ":9100";
		List<Series> series = new ArrayList<>();
		String[] modes = { "idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user" };
		for (int cpu = 0; cpu < 2; cpu++) {
			for (String mode : modes) {
				series.add(Series
					.of("__name__", "node_cpu_seconds_total", "cpu", Integer.toString(cpu), "instance", instance, "job",
							"node", "mode", mode)
					.sample(ts, 1000.0 + round * 12));
			}
		}
		series.add(Series.of("__name__", "node_memory_MemAvailable_bytes", "instance", instance, "job", "node")
			.sample(ts, 8e9));
		series.add(Series.of("__name__", "node_memory_MemTotal_bytes", "instance", instance, "job", "node")
			.sample(ts, 32e9));
		for (String mount : new String[] { "/", "/boot", "/data" }) {
			for (String name : new String[] { "avail_bytes", "files", "files_free", "free_bytes", "readonly",
					"size_bytes" }) {
				series
					.add(Series
						.of("__name__", "node_filesystem_" + name, "device", "/dev/vda", "fstype", "ext4", "instance",
								instance, "job", "node", "mountpoint", mount)
						.sample(ts, 1e10));
			}
		}
		for (String device : new String[] { "eth0", "lo" }) {
			for (String name : new String[] { "receive_bytes_total", "transmit_bytes_total", "receive_packets_total",
					"transmit_packets_total", "receive_errs_total", "transmit_errs_total" }) {
				series.add(Series
					.of("__name__", "node_network_" + name, "device", device, "instance", instance, "job", "node")
					.sample(ts, 1e6 * (round + 1)));
			}
		}
		for (String name : new String[] { "node_load1", "node_load5", "node_load15", "node_boot_time_seconds",
				"node_context_switches_total", "node_forks_total", "node_intr_total", "node_procs_running",
				"node_memory_Buffers_bytes", "node_memory_Cached_bytes", "node_memory_MemFree_bytes", "up" }) {
			series.add(Series.of("__name__", name, "instance", instance, "job", "node").sample(ts, 1));
		}
		return series;
	}

}
