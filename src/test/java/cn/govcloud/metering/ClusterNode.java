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
import java.util.stream.Stream;

/**
 * One GovCloud node as its own process: the packaged jar ({@code mvn package} builds it
 * before failsafe runs), on a database of the machine's PostgreSQL that several nodes
 * share, on a free port, its output in {@code target/<name>.log}.
 */
final class ClusterNode implements AutoCloseable {

	/** The credential {@code /actuator/prometheus} answers to on every node. */
	static final String SCRAPE_TOKEN = "cluster-scrape-token-0123456789";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;

	private final int port;

	private final List<String> command;

	private Process process;

	ClusterNode(String name, ClusterDatabase database, String... options) throws IOException {
		this.name = name;
		this.port = freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		this.command = new ArrayList<>(List.of(java, "-Xmx448m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
				jar().toString(), "--server.port=" + this.port, "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(), "--govcloud.world.tier=none",
				"--govcloud.crypto.keys=test:000102030405060708090a0b0c0d0e0f",
				"--govcloud.metrics.scrape-token=" + SCRAPE_TOKEN,
				"--govcloud.security.address-limit.max-failures=10000",
				// Tests sign in as the Commission's demo accounts without codes (ADR
				// 0032).
				"--govcloud.security.two-factor.required-roles=", "--logging.level.root=WARN",
				"--logging.level.cn.govcloud=INFO"));
		this.command.addAll(List.of(options));
	}

	int port() {
		return this.port;
	}

	Path log() {
		return Path.of("target", this.name + ".log");
	}

	void start() throws IOException {
		Files.createDirectories(log().getParent());
		this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(log().toFile())
			.start();
	}

	/** Waits for {@code /actuator/health} to answer UP. */
	void awaitHealthy(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!healthy()) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + "; see " + log().toAbsolutePath());
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.name + " not healthy after " + timeout + "; see " + log());
			}
			Thread.sleep(250);
		}
	}

	/** SIGKILL, as a crashed machine. */
	void kill() throws InterruptedException {
		if (this.process != null) {
			this.process.destroyForcibly().waitFor();
		}
	}

	/** One metric's value from {@code /actuator/prometheus}, 0 when absent. */
	double metric(String line) throws IOException, InterruptedException {
		HttpResponse<String> scrape = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + SCRAPE_TOKEN)
				.build(), HttpResponse.BodyHandlers.ofString());
		return scrape.body()
			.lines()
			.filter((l) -> l.startsWith(line + " "))
			.mapToDouble((l) -> Double.parseDouble(l.substring(line.length() + 1).strip()))
			.sum();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private boolean healthy() throws InterruptedException {
		try {
			HttpResponse<String> health = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((f) -> f.getFileName().toString().matches("govcloud-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/govcloud-*.jar: run mvn package first"));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
