package cn.govcloud.metering;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.TestClient;
import cn.govcloud.metering.MeteringFixtures.Host;
import cn.govcloud.metering.RemoteWriteEncoder.Series;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A 2xx means durable" (issue 6): GovCloud runs as its own JVM on an embedded PostgreSQL
 * data directory, is killed with SIGKILL right after answering a write, and started again
 * on the same directory; the acknowledged samples are counted and stored, and resending
 * the request stores nothing twice. The first kill leaves PostgreSQL running (GovCloud
 * stops the orphan at start); the second kills PostgreSQL too, so the restart goes
 * through crash recovery.
 */
class MeteringDurabilityIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private Process govcloud;

	private Path dataDir;

	private int port;

	private int dbPort;

	@AfterEach
	void stop() throws Exception {
		if (this.govcloud != null) {
			this.govcloud.destroy();
			this.govcloud.waitFor();
		}
		EmbeddedPostgresOrphans.stop(this.dataDir);
		if (this.dataDir != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(this.dataDir);
			Files.deleteIfExists(this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log"));
		}
	}

	@Test
	void acknowledgedSamplesSurviveKillMinusNine() throws Exception {
		this.dataDir = Files.createTempDirectory("govcloud-durability-");
		this.port = freePort();
		this.dbPort = freePort();
		start();
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
				"jdbc:postgresql://localhost:" + this.dbPort + "/postgres", "postgres", "postgres"));
		assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
		MeteringFixtures fixtures = new MeteringFixtures(jdbc, this.port);
		UUID supplier = fixtures.organizationOf("operator");
		Host host = fixtures.host(fixtures.organizationOf("unitadmin"), supplier);
		String token = fixtures.credential(supplier);
		Thread.sleep(1500);
		long t0 = System.currentTimeMillis() - 600_000;

		List<Series> first = samples(host, t0, 500);
		HttpResponse<String> written = fixtures.write(token, first);
		assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
		this.govcloud.destroyForcibly().waitFor();
		start();
		assertThat(stats(supplier)).containsEntry("receivedSamples", 500L).containsEntry("storedSamples", 500L);
		assertThat(fixtures.write(token, first).statusCode()).isEqualTo(204);
		assertThat(stats(supplier)).containsEntry("storedSamples", 500L);
		assertThat(dropped(supplier)).as("a resend: duplicate (the last) or out of order (older)").isEqualTo(500);

		List<Series> second = samples(host, t0 + 500_000, 300);
		assertThat(fixtures.write(token, second).statusCode()).isEqualTo(204);
		this.govcloud.destroyForcibly().waitFor();
		EmbeddedPostgresOrphans.kill(this.dataDir);
		start();
		assertThat(stats(supplier)).containsEntry("receivedSamples", 1300L).containsEntry("storedSamples", 800L);
		assertThat(fixtures.write(token, second).statusCode()).isEqualTo(204);
		assertThat(stats(supplier)).containsEntry("storedSamples", 800L);
		assertThat(dropped(supplier)).isEqualTo(800);
	}

	/** {@code count} samples of one gauge series, one second apart. */
	private static List<Series> samples(Host host, long from, int count) {
		Series series = Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", host.ip() + ":9100");
		for (int i = 0; i < count; i++) {
			series.sample(from + i * 1000L, (i % 100) / 100.0);
		}
		return new ArrayList<>(List.of(series));
	}

	private long dropped(UUID supplier) {
		java.util.Map<String, Long> stats = stats(supplier);
		return stats.get("duplicateSamples") + stats.get("outOfOrderSamples");
	}

	private java.util.Map<String, Long> stats(UUID supplier) {
		String body = TestClient.signedIn(this.port, "manager")
			.getJson("/api/v1/metering/stats?supplierId=" + supplier)
			.body();
		java.util.Map<String, Object> json = JsonPath.read(body, "$");
		java.util.Map<String, Long> numbers = new java.util.TreeMap<>();
		json.forEach((key, value) -> numbers.put(key, ((Number) value).longValue()));
		return numbers;
	}

	private void start() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		File log = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log").toFile();
		this.govcloud = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				"cn.govcloud.GovCloudApplication", "--server.port=" + this.port,
				"--govcloud.embedded-db.data-dir=" + this.dataDir.resolve("pg"),
				"--govcloud.embedded-db.port=" + this.dbPort, "--govcloud.demo-data=auto",
				"--govcloud.metering.directory-refresh=1s", "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
		Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(this::healthy);
	}

	private boolean healthy() {
		if (!this.govcloud.isAlive()) {
			throw new IllegalStateException(
					"GovCloud exited with " + this.govcloud.exitValue() + "; see the log next to " + this.dataDir);
		}
		try {
			HttpResponse<String> health = this.http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
