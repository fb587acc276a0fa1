package cn.govcloud.metering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

/**
 * Debian's Prometheus ({@code /usr/bin/prometheus}) on a free loopback port with a
 * throw-away TSDB, and a small client of its HTTP query API.
 */
public final class PrometheusServer implements AutoCloseable {

	public static final String BINARY = "/usr/bin/prometheus";

	private final PeerProcess process;

	private final Path directory;

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private PrometheusServer(PeerProcess process, Path directory, String base) {
		this.process = process;
		this.directory = directory;
		this.base = base;
	}

	/**
	 * Starts Prometheus with {@code config} (YAML) in a new temporary directory;
	 * {@code flags} are added to the command line, e.g.
	 * {@code --web.enable-remote-write-receiver}.
	 */
	public static PrometheusServer start(String config, String... flags) {
		try {
			Path directory = Files.createTempDirectory("govcloud-prometheus");
			Files.writeString(directory.resolve("prometheus.yml"), config);
			int port = PeerProcess.freePort();
			List<String> command = new ArrayList<>(List.of(BINARY,
					"--config.file=" + directory.resolve("prometheus.yml"),
					"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port));
			command.addAll(List.of(flags));
			PeerProcess process = PeerProcess.start("prometheus", command, Map.of(),
					directory.resolve("prometheus.log"));
			String base = "http://127.0.0.1:" + port;
			process.awaitHttp(base + "/-/ready", Duration.ofSeconds(60));
			return new PrometheusServer(process, directory, base);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String base() {
		return this.base;
	}

	public long pid() {
		return this.process.pid();
	}

	public String tail() {
		return this.process.tail();
	}

	/**
	 * The value of an instant query that yields one number ({@code NaN} when the result
	 * is empty).
	 */
	public double query(String promql, Instant at) {
		String body = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time="
				+ at.toEpochMilli() / 1000.0);
		List<List<Object>> values = JsonPath.read(body, "$.data.result[*].value");
		if (values.isEmpty()) {
			return Double.NaN;
		}
		if (values.size() > 1) {
			throw new IllegalStateException("More than one series for " + promql + ": " + body);
		}
		return Double.parseDouble(values.get(0).get(1).toString());
	}

	/**
	 * The sum of the samples of {@code name} on Prometheus's own {@code /metrics} page
	 * (all label sets), or {@code NaN} if it has none.
	 */
	public double selfMetric(String name) {
		double sum = Double.NaN;
		for (String line : get("/metrics").split("\n")) {
			if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
				double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				sum = Double.isNaN(sum) ? value : sum + value;
			}
		}
		return sum;
	}

	/** The response body of a GET; fails on anything but 200. */
	public String get(String path) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofMinutes(2)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"Prometheus answered " + response.statusCode() + " to " + path + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops Prometheus and removes its directory. */
	@Override
	public void close() {
		this.process.close();
		try (var paths = Files.walk(this.directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

}
