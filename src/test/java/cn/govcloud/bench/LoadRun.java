package cn.govcloud.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import cn.govcloud.bench.Workload.Payload;

/**
 * Sends a {@link Workload} to one receiver: one thread per shard, one request in flight
 * per shard (as a Prometheus shard), whole requests retried with back-off on 5xx and 429
 * (30 ms doubling to 5 s, as Prometheus's defaults), other answers counted and not
 * retried.
 */
final class LoadRun {

	private final URI url;

	private final String authorization;

	private final Duration cap;

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private final AtomicLong retries = new AtomicLong();

	private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

	private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

	private final long[] firstRoundDone;

	private volatile long start;

	LoadRun(URI url, String authorization, Duration cap, int shards) {
		this.url = url;
		this.authorization = authorization;
		this.cap = cap;
		this.firstRoundDone = new long[shards];
	}

	Result run(Workload workload) throws Exception {
		List<List<Payload>> shards = workload.shards();
		ExecutorService pool = Executors.newFixedThreadPool(shards.size());
		long cpu = ownCpuNanos();
		this.start = System.nanoTime();
		List<Future<long[]>> latencies = new ArrayList<>();
		for (int shard = 0; shard < shards.size(); shard++) {
			int index = shard;
			latencies.add(pool.submit(() -> send(index, shards.get(index))));
		}
		List<Long> all = new ArrayList<>();
		for (Future<long[]> shard : latencies) {
			Arrays.stream(shard.get()).forEach(all::add);
		}
		double seconds = (System.nanoTime() - this.start) / 1e9;
		pool.shutdown();
		all.sort(null);
		long firstRound = shards.stream()
			.flatMap(List::stream)
			.filter((payload) -> payload.round() == 0)
			.mapToLong(Payload::samples)
			.sum();
		double firstRoundSeconds = Arrays.stream(this.firstRoundDone).max().orElse(0) / 1e9;
		return new Result(this.accepted.get(), this.rejected.get(), all.size(), this.retries.get(), seconds,
				percentile(all, 0.5), percentile(all, 0.99), firstRound, firstRoundSeconds, statuses(),
				List.copyOf(this.errors), (ownCpuNanos() - cpu) / 1e9);
	}

	private long[] send(int shard, List<Payload> payloads) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		long[] latencies = new long[payloads.size() * 2];
		int count = 0;
		long deadline = this.start + this.cap.toNanos();
		for (Payload payload : payloads) {
			if (payload.round() > 0 && this.firstRoundDone[shard] == 0) {
				this.firstRoundDone[shard] = System.nanoTime() - this.start;
			}
			long backoff = 30;
			while (System.nanoTime() < deadline) {
				long sent = System.nanoTime();
				int status = post(http, payload);
				if (count == latencies.length) {
					latencies = Arrays.copyOf(latencies, count * 2);
				}
				latencies[count++] = (System.nanoTime() - sent) / 1000;
				this.statuses.computeIfAbsent(status, (code) -> new AtomicLong()).incrementAndGet();
				if (status / 100 == 2) {
					this.accepted.addAndGet(payload.samples());
					break;
				}
				if (status >= 500 || status == 429 || status < 0) {
					this.retries.incrementAndGet();
					Thread.sleep(backoff);
					backoff = Math.min(backoff * 2, 5000);
					continue;
				}
				this.rejected.addAndGet(payload.samples());
				break;
			}
		}
		if (this.firstRoundDone[shard] == 0) {
			this.firstRoundDone[shard] = System.nanoTime() - this.start;
		}
		return Arrays.copyOf(latencies, count);
	}

	private int post(HttpClient http, Payload payload) throws InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(Duration.ofMinutes(1))
			.header("Content-Encoding", "snappy")
			.header("Content-Type", "application/x-protobuf")
			.header("User-Agent", "Prometheus/2.42.0")
			.header("X-Prometheus-Remote-Write-Version", "0.1.0")
			.POST(HttpRequest.BodyPublishers.ofByteArray(payload.body()));
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2 && this.errors.size() < 5) {
				this.errors.add(response.statusCode() + " " + abbreviate(response.body()));
			}
			return response.statusCode();
		}
		catch (IOException ex) {
			if (this.errors.size() < 5) {
				this.errors.add("I/O: " + ex);
			}
			return -1;
		}
	}

	private Map<Integer, Long> statuses() {
		Map<Integer, Long> copy = new java.util.TreeMap<>();
		this.statuses.forEach((status, count) -> copy.put(status, count.get()));
		return copy;
	}

	/** CPU time of this process (the generator), all threads. */
	private static long ownCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text.strip();
	}

	private static long percentile(List<Long> sorted, double quantile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
	}

	/** What one receiver did with the workload; latencies in microseconds. */
	record Result(long accepted, long rejected, long attempts, long retries, double seconds, long p50Micros,
			long p99Micros, long firstRoundSamples, double firstRoundSeconds, Map<Integer, Long> statuses,
			List<String> errors, double generatorCpuSeconds) {

		double rate() {
			return this.accepted / this.seconds;
		}

		double firstRoundRate() {
			return this.firstRoundSamples / this.firstRoundSeconds;
		}

		double laterRoundsRate() {
			return (this.accepted - this.firstRoundSamples) / (this.seconds - this.firstRoundSeconds);
		}

	}

}
