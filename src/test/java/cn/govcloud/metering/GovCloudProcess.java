package cn.govcloud.metering;

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

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * GovCloud as its own JVM (the test classpath) on an embedded PostgreSQL in a data
 * directory of its own, with demo data; started, killed and started again by tests.
 */
final class GovCloudProcess implements AutoCloseable {

	/** The credential {@code /actuator/prometheus} answers to in this process. */
	static final String SCRAPE_TOKEN = "process-scrape-token-0123456789";

	private final HttpClient http = HttpClient.newHttpClient();

	private final Path dataDir;

	private final int port;

	private final int dbPort;

	private final List<String> options;

	private Process process;

	GovCloudProcess(String... options) throws IOException {
		this.dataDir = Files.createTempDirectory("govcloud-process-");
		this.port = freePort();
		this.dbPort = freePort();
		this.options = List.of(options);
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	JdbcClient database() {
		return JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://localhost:" + this.dbPort + "/postgres",
				"postgres", "postgres"));
	}

	void start() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(this.options);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.govcloud.GovCloudApplication",
				"--server.port=" + this.port, "--govcloud.embedded-db.data-dir=" + this.dataDir.resolve("pg"),
				"--govcloud.embedded-db.port=" + this.dbPort, "--govcloud.demo-data=auto",
				"--govcloud.metering.directory-refresh=1s", "--govcloud.metrics.scrape-token=" + SCRAPE_TOKEN,
				"--logging.level.root=WARN",
				// Tests sign in as the Commission's demo accounts without codes (ADR
				// 0032).
				"--govcloud.security.two-factor.required-roles="));
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve("govcloud.log").toFile()))
			.start();
		Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(this::healthy);
	}

	/** SIGKILL of GovCloud's JVM only: its PostgreSQL keeps running. */
	void killMinusNine() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	/** SIGKILL of the PostgreSQL server too, as a crash would. */
	void killDatabase() throws Exception {
		EmbeddedPostgresOrphans.kill(this.dataDir);
	}

	@Override
	public void close() throws Exception {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			this.process.waitFor();
		}
		EmbeddedPostgresOrphans.stop(this.dataDir);
		FileSystemUtils.deleteRecursively(this.dataDir);
	}

	private boolean healthy() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("GovCloud exited with " + this.process.exitValue() + "; see "
					+ this.dataDir.resolve("govcloud.log"));
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
