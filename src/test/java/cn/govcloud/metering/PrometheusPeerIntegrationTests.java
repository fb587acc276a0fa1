package cn.govcloud.metering;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Approved;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.assertj.core.data.Offset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The real peers of issue 6: Debian's node_exporter on this machine, scraped every 5 s by
 * Debian's Prometheus, which remote-writes to GovCloud with an ingest credential; the
 * machine is an inventory instance recorded through the provisioning flow, and Prometheus
 * labels it with that instance's address. After a few minutes of data (a busy thread
 * keeps the CPU figure away from zero) GovCloud's CPU and memory utilisation for the
 * window must agree with Prometheus's own query API within 2 percentage points.
 * <p>
 * Without the two programs the test is skipped on a developer's machine and fails in CI
 * ({@code CI=true}), where {@code .ci/run} installs them.
 */
@GovCloudIntegrationTest
class PrometheusPeerIntegrationTests {

	/** How long the node exporter is scraped. */
	static final Duration WINDOW = Duration.ofSeconds(150);

	static ScrapedHost host;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/**
	 * Off in tests ({@code application-test.yml}): the test runs it once everything is
	 * sent.
	 */
	@Autowired
	RollupConsumer consumer;

	@Autowired
	InstanceMatcher matcher;

	@BeforeAll
	static void peersInstalled() {
		if (!ScrapedHost.installed()) {
			if ("true".equals(System.getenv("CI"))) {
				fail(PrometheusServer.BINARY + " and " + ScrapedHost.NODE_EXPORTER
						+ " are missing: CI installs Debian's prometheus and prometheus-node-exporter (.ci/run)");
			}
			assumeThat(ScrapedHost.installed()).as("Debian's prometheus and prometheus-node-exporter installed")
				.isTrue();
		}
	}

	@AfterAll
	static void stopPeers() {
		if (host != null) {
			host.close();
		}
	}

	@Test
	void cpuAndMemoryAgreeWithPrometheusOwnQueryApi() {
		UUID supplier = this.jdbc.sql("SELECT id FROM organization WHERE kind = 'SUPPLIER' AND name = '宜兴政务云服务有限公司'")
			.query(UUID.class)
			.single();
		String address = address();
		String instance = recordedHost(supplier, address);
		// GovCloud re-reads the inventory every 30 s; until then the new instance's
		// samples
		// count as unmatched. Read it now, so that GovCloud matches the whole window.
		this.matcher.refresh();
		TestClient manager = TestClient.signedIn(this.port, "manager");
		HttpResponse<String> issued = manager.postJson("/api/v1/metering/credentials",
				"{\"supplierId\":\"" + supplier + "\",\"label\":\"Prometheus peer test\"}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		AtomicBoolean busy = new AtomicBoolean(true);
		Thread spinner = new Thread(() -> spin(busy), "busy");
		spinner.setDaemon(true);
		spinner.start();
		try {
			host = ScrapedHost.start(address, "http://127.0.0.1:" + this.port + "/api/v1/write",
					JsonPath.read(issued.body(), "$.token"));
			Instant started = Instant.now();
			Awaitility.await("GovCloud receives samples")
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> stat(manager, supplier, "storedSamples") > 0);
			PeerProcess.pause(Duration.between(Instant.now(), started.plus(WINDOW)));
			host.stopExporter();
		}
		finally {
			busy.set(false);
		}
		awaitDelivered(manager, supplier);
		Instant[] span = host.scrapedBetween();
		assertThat(Duration.between(span[0], span[1])).isGreaterThan(WINDOW.minusSeconds(30));
		double cpu = host.cpu(span[0], span[1]);
		double memory = host.memory(span[0], span[1]);
		assertThat(cpu).as("Prometheus's CPU figure under a busy thread").isGreaterThan(0.1);
		double govcloudCpu = govcloud(manager, instance, "CPU", span);
		double govcloudMemory = govcloud(manager, instance, "MEMORY", span);
		String perInterval = host.cpuPerInterval(span[0], span[1]);
		System.out.printf("Prometheus's remote write: %s; GovCloud's stats: %s%n", host.remoteWriteTotals(),
				manager.getJson("/api/v1/metering/stats?supplierId=" + supplier).body());
		System.out.printf("Peer window %s .. %s: CPU GovCloud %.4f, Prometheus %.4f (%s); memory GovCloud %.4f, "
				+ "Prometheus %.4f%n", span[0], span[1], govcloudCpu, cpu, perInterval, govcloudMemory, memory);
		assertThat(govcloudCpu).as("GovCloud's CPU vs Prometheus's %.4f (%s)", cpu, perInterval)
			.isCloseTo(cpu, Offset.offset(0.02));
		assertThat(govcloudMemory).as("GovCloud's memory vs Prometheus's %.4f", memory)
			.isCloseTo(memory, Offset.offset(0.02));
	}

	/**
	 * Waits (at most two minutes) until Prometheus has nothing left to send, then runs
	 * GovCloud's rollup consumer until no batch is pending; fails naming what was left.
	 */
	private void awaitDelivered(TestClient manager, UUID supplier) {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		double unsent;
		long pending;
		do {
			PeerProcess.pause(Duration.ofSeconds(1));
			unsent = host.pendingRemoteWrite();
			if (unsent == 0) {
				while (this.consumer.consume(Duration.ZERO) > 0) {
					// every answered request is committed: merge them all
				}
			}
			pending = stat(manager, supplier, "pendingBatches");
		}
		while ((unsent != 0 || pending != 0) && System.nanoTime() < deadline);
		assertThat(unsent == 0 && pending == 0)
			.as("Prometheus's unsent samples %s, GovCloud's pending batches %d; remote write %s; GovCloud's stats %s",
					unsent, pending, host.remoteWriteTotals(),
					manager.getJson("/api/v1/metering/stats?supplierId=" + supplier).body())
			.isTrue();
	}

	/**
	 * GovCloud's average of {@code metric} over the 5-minute buckets that hold the
	 * scraped span (nothing else was scraped for this instance).
	 */
	private double govcloud(TestClient manager, String instance, String metric, Instant[] span) {
		Instant from = span[0].truncatedTo(ChronoUnit.HOURS);
		Instant to = span[1].truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		HttpResponse<String> summary = manager.getJson("/api/v1/metering/utilisation?instanceId=" + instance
				+ "&metric=" + metric + "&from=" + encode(from) + "&to=" + encode(to));
		assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
		List<Number> averages = JsonPath.read(summary.body(), "$[*].avg");
		assertThat(averages).as(summary.body()).hasSize(1);
		System.out.println("GovCloud's " + metric + " summary: " + summary.body());
		return averages.get(0).doubleValue();
	}

	private static String encode(Instant instant) {
		return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
	}

	private long stat(TestClient manager, UUID supplier, String field) {
		HttpResponse<String> stats = manager.getJson("/api/v1/metering/stats?supplierId=" + supplier);
		assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
		return ((Number) JsonPath.read(stats.body(), "$." + field)).longValue();
	}

	/**
	 * A cloud host of a filed contract, recorded by the supplier's operator at
	 * {@code address}.
	 */
	private String recordedHost(UUID supplier, String address) {
		Approved approved = Scenarios.approvedHosts(this.port, "unitadmin", 1, 16, false);
		String contract = Scenarios.filedContract(this.port, approved, supplier);
		UUID order = Scenarios.awaitWorkOrder(this.jdbc, UUID.fromString(contract));
		TestClient operator = TestClient.signedIn(this.port, "operator");
		String line = JsonPath.read(operator.getJson("/api/v1/work-orders/" + order).body(), "$.lines[0].id");
		HttpResponse<String> recorded = operator
			.postJson("/api/v1/work-orders/" + order + "/lines/" + line + "/instances", "{\"name\":\"peer-"
					+ address.replace('.', '-') + "\",\"ipAddresses\":[\"" + address
					+ "\"],\"cloudInstanceId\":\"i-peer-" + UUID.randomUUID()
					+ "\",\"zone\":\"宜兴一区\",\"spec\":{\"vcpu\":8,\"memoryGib\":16,\"systemDiskGib\":100,\"os\":\"麒麟 Kylin\"}}");
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		return JsonPath.read(recorded.body(), "$.id");
	}

	/** An address no other test uses, for the {@code instance} label. */
	private static String address() {
		int n = (int) (Math.random() * 16_000_000);
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	private static void spin(AtomicBoolean busy) {
		long counter = 0;
		while (busy.get()) {
			counter += System.nanoTime() % 7;
		}
		if (counter == 42) {
			System.out.print("");
		}
	}

}
