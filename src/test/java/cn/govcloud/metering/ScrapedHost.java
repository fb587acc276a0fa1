package cn.govcloud.metering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

/**
 * This machine as a monitored host: Debian's node_exporter on a free port, scraped every
 * 5 s by Debian's Prometheus, which labels it {@code instance="<address>:9100"} (the
 * address the inventory knows it by) and remote-writes everything it scrapes to a
 * receiver with a bearer token.
 */
public final class ScrapedHost implements AutoCloseable {

	public static final String NODE_EXPORTER = "/usr/bin/prometheus-node-exporter";

	private final PeerProcess exporter;

	private final PrometheusServer prometheus;

	private ScrapedHost(PeerProcess exporter, PrometheusServer prometheus) {
		this.exporter = exporter;
		this.prometheus = prometheus;
	}

	/**
	 * Whether Debian's {@code prometheus} and {@code prometheus-node-exporter} are
	 * installed.
	 */
	public static boolean installed() {
		return PeerProcess.installed(NODE_EXPORTER) && PeerProcess.installed(PrometheusServer.BINARY);
	}

	/**
	 * Starts both. {@code writeUrl} may be {@code null}: then Prometheus only scrapes.
	 */
	public static ScrapedHost start(String address, String writeUrl, String token) {
		int port = PeerProcess.freePort();
		PeerProcess exporter;
		try {
			Path log = Files.createTempFile("govcloud-node-exporter", ".log");
			exporter = PeerProcess.start("node_exporter",
					List.of(NODE_EXPORTER, "--web.listen-address=127.0.0.1:" + port), Map.of(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		exporter.awaitHttp("http://127.0.0.1:" + port + "/metrics", Duration.ofSeconds(30));
		String remoteWrite = (writeUrl == null) ? "" : """
				remote_write:
				  - url: %s
				    authorization:
				      credentials: %s
				    queue_config:
				      batch_send_deadline: 1s
				      max_samples_per_send: 2000
				      min_backoff: 100ms
				""".formatted(writeUrl, token);
		String config = """
				global:
				  scrape_interval: 5s
				  scrape_timeout: 4s
				scrape_configs:
				  - job_name: node
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				    relabel_configs:
				      - target_label: instance
				        replacement: '%s:9100'
				%s""".formatted(port, address, remoteWrite);
		try {
			return new ScrapedHost(exporter, PrometheusServer.start(config));
		}
		catch (RuntimeException ex) {
			exporter.close();
			throw ex;
		}
	}

	public PrometheusServer prometheus() {
		return this.prometheus;
	}

	/**
	 * Stops the node exporter: no new samples from now on (Prometheus writes stale
	 * markers).
	 */
	public void stopExporter() {
		this.exporter.close();
	}

	/** The first and last scrape time of {@code node_load1} within the last hour. */
	public Instant[] scrapedBetween() {
		String body = this.prometheus.get("/api/v1/query?query=node_load1%5B1h%5D");
		List<List<Object>> values = JsonPath.read(body, "$.data.result[0].values");
		return new Instant[] { instant(values.get(0).get(0)), instant(values.get(values.size() - 1).get(0)) };
	}

	private static Instant instant(Object seconds) {
		return Instant.ofEpochMilli(Math.round(((Number) seconds).doubleValue() * 1000));
	}

	/**
	 * CPU busy share from {@code first} to {@code last} as Prometheus computes it:
	 * {@code 1 − avg(rate(node_cpu_seconds_total{mode="idle"}[last − first]))} at
	 * {@code last}, the range exactly the scraped span so that nothing is extrapolated.
	 */
	public double cpu(Instant first, Instant last) {
		return this.prometheus.query("1 - avg(rate(node_cpu_seconds_total{mode=\"idle\"}[" + range(first, last) + "]))",
				last);
	}

	/**
	 * The same CPU figure computed another way, from the raw samples Prometheus returns:
	 * the mean over every CPU and scrape interval of {@code 1 − idle increase / seconds},
	 * each interval weighing the same however long it was; and the shortest and longest
	 * interval. Shows how much uneven scrape intervals matter when the two figures
	 * differ.
	 */
	public String cpuPerInterval(Instant first, Instant last) {
		String body = this.prometheus.get("/api/v1/query?query=" + URLEncoder
			.encode("node_cpu_seconds_total{mode=\"idle\"}[" + range(first, last) + "]", StandardCharsets.UTF_8)
				+ "&time=" + last.toEpochMilli() / 1000.0);
		List<List<List<Object>>> series = JsonPath.read(body, "$.data.result[*].values");
		double sum = 0;
		int count = 0;
		double shortest = Double.MAX_VALUE;
		double longest = 0;
		for (List<List<Object>> values : series) {
			for (int i = 1; i < values.size(); i++) {
				double seconds = ((Number) values.get(i).get(0)).doubleValue()
						- ((Number) values.get(i - 1).get(0)).doubleValue();
				double idle = Double.parseDouble(values.get(i).get(1).toString())
						- Double.parseDouble(values.get(i - 1).get(1).toString());
				sum += 1 - idle / seconds;
				count++;
				shortest = Math.min(shortest, seconds);
				longest = Math.max(longest, seconds);
			}
		}
		return "per-interval mean %.4f over %d CPU intervals of %.2f–%.2f s".formatted(sum / count, count, shortest,
				longest);
	}

	/**
	 * Memory in use over the same span: {@code 1 − MemAvailable / MemTotal}, averaged.
	 */
	public double memory(Instant first, Instant last) {
		String range = range(first, last);
		return this.prometheus.query("1 - avg_over_time(node_memory_MemAvailable_bytes[" + range
				+ "]) / avg_over_time(node_memory_MemTotal_bytes[" + range + "])", last);
	}

	private static String range(Instant first, Instant last) {
		return Duration.between(first, last).toMillis() + "ms";
	}

	/**
	 * Prometheus's own counts of samples sent, failed (not retried), retried and dropped.
	 */
	public String remoteWriteTotals() {
		StringBuilder totals = new StringBuilder();
		for (String name : List.of("samples_total", "samples_failed_total", "samples_retried_total",
				"samples_dropped_total")) {
			totals.append(name)
				.append('=')
				.append(this.prometheus.selfMetric("prometheus_remote_storage_" + name))
				.append(' ');
		}
		return totals.toString().trim();
	}

	/** Samples Prometheus still has to send to the remote-write receiver. */
	public double pendingRemoteWrite() {
		return this.prometheus.selfMetric("prometheus_remote_storage_samples_pending");
	}

	@Override
	public void close() {
		this.exporter.close();
		this.prometheus.close();
	}

}
