package cn.govcloud.reporting;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The reads of one drafting, run at once on a few threads of its own (the other modules'
 * month reads are independent and mostly wait for PostgreSQL, which then works on every
 * core), each timed for the log. Closing it stops its threads.
 */
final class Reads implements AutoCloseable {

	private final ExecutorService threads;

	private final Map<String, Long> millis = new ConcurrentSkipListMap<>();

	Reads(int threads) {
		this.threads = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "report-reads");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Starts a read; {@code name} names it in {@link #timings}. */
	<T> CompletableFuture<T> start(String name, Supplier<T> read) {
		return CompletableFuture.supplyAsync(() -> {
			long started = System.nanoTime();
			try {
				return read.get();
			}
			finally {
				this.millis.put(name, (System.nanoTime() - started) / 1_000_000);
			}
		}, this.threads);
	}

	/** The read's result, or its own exception (not wrapped). */
	static <T> T result(CompletableFuture<T> read) {
		try {
			return read.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/** How long each finished read took, e.g. "fees 0.4 s, tickets 1.2 s". */
	String timings() {
		return this.millis.entrySet()
			.stream()
			.map((read) -> String.format("%s %.1f s", read.getKey(), read.getValue() / 1000.0))
			.collect(Collectors.joining(", "));
	}

	@Override
	public void close() {
		this.threads.shutdownNow();
	}

}
