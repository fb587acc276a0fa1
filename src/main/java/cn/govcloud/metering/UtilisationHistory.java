package cn.govcloud.metering;

import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes measured history in bulk as GovCloud's own rollups — identical rows to what
 * ingest + the rollup consumer would write for the same 5-minute averages — for the world
 * generator and benchmarks.
 */
@Component
public class UtilisationHistory {

	private static final Logger log = LoggerFactory.getLogger(UtilisationHistory.class);

	/** Series written per transaction at most. */
	static final int SERIES_PER_CHUNK = 2_000;

	/**
	 * COPY text and binary rows (characters and bytes) per transaction at most (about 64
	 * MB of heap), whatever the series' length.
	 */
	static final int CHARS_PER_CHUNK = 32_000_000;

	private final TransactionTemplate transactions;

	private final RollupConsumer consumer;

	private final HistoryWriter writer;

	private final OpenHourTrend openHours;

	UtilisationHistory(TransactionTemplate transactions, RollupConsumer consumer, HistoryWriter writer,
			OpenHourTrend openHours) {
		this.transactions = transactions;
		this.consumer = consumer;
		this.writer = writer;
		this.openHours = openHours;
	}

	/**
	 * The 5-minute averages of one metric of one instance from {@code start} (aligned to
	 * 5 minutes, UTC); Double.NaN where there is no data. CPU/MEMORY/DISK as ratios 0..1,
	 * NET_IN/NET_OUT in bits/s. dimension: "" for CPU and MEMORY, the mount point for
	 * DISK, the device for NET_*.
	 */
	public record Series(UUID instanceId, Metric metric, String dimension, Instant start, double[] fiveMinuteAverages) {

		public Series {
			if (start.toEpochMilli() % RollupMath.FIVE_MINUTES_MS != 0) {
				throw new IllegalArgumentException("start must be aligned to 5 minutes: " + start);
			}
		}

	}

	/**
	 * Writes all resolutions (5-minute rows only within their retention, hourly, daily),
	 * sealed, in bulk (COPY or batches); the rollup consumer must afterwards neither
	 * double-count nor rewrite them. Callable repeatedly (e.g. per chunk of hosts), but a
	 * series' UTC day is loaded once: calls for the same series cover whole UTC days that
	 * do not overlap (its points of a day are packed into one row), and a host's series
	 * come one after another (its hours are added to the trend aggregates once). The
	 * series are read on another thread, one chunk ahead of the writes.
	 */
	public void load(Iterator<Series> series) {
		load(series, Instant.now());
	}

	/**
	 * {@link #load(Iterator)} as if it were {@code now}: the UTC days before the one of
	 * the last hour ended {@link OpenHourTrend#GRACE} before it are packed, that day's
	 * finished hours too (ADR 0041), and nothing after {@code now} is written.
	 */
	void load(Iterator<Series> series, Instant now) {
		// hours and days that ended before the history is written are sealed first, so
		// moving the watermarks past the loaded hours below skips no ingested data
		this.consumer.seal(now);
		Chunks chunks = new Chunks(this.writer.horizon(now), this.writer.rateValues(), series);
		// the next chunk is built (the caller's series and their COPY text: Java's CPU)
		// while this one is written (PostgreSQL's): on two cores about twice as fast
		ExecutorService builder = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "utilisation-history");
			thread.setDaemon(true);
			return thread;
		});
		// the groups' trend aggregates of the loaded hours, added up in Java as the
		// chunks
		// are written and written when there are many or at the end (ADR 0045)
		TrendSums trends = new TrendSums();
		long[] building = new long[1];
		Callable<HistoryRows> build = () -> {
			long started = System.nanoTime();
			HistoryRows chunk = chunks.next();
			building[0] += System.nanoTime() - started;
			return chunk;
		};
		try {
			Future<HistoryRows> next = builder.submit(build);
			HistoryRows rows;
			long waiting = 0;
			long writing = 0;
			long at = System.nanoTime();
			while ((rows = next.get()) != null) {
				long got = System.nanoTime();
				waiting += got - at;
				next = builder.submit(build);
				HistoryRows chunk = rows;
				this.transactions.executeWithoutResult((status) -> this.writer.write(chunk, trends));
				at = System.nanoTime();
				writing += at - got;
			}
			this.transactions.executeWithoutResult((status) -> this.writer.writeTrends(trends));
			log.info("Utilisation history: chunks built in {} s, written in {} s, {} s waiting for the next",
					"%.1f".formatted(building[0] / 1e9), "%.1f".formatted(writing / 1e9),
					"%.1f".formatted(waiting / 1e9));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while loading utilisation history", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("utilisation history not built", ex.getCause());
		}
		finally {
			builder.shutdownNow();
		}
		// the open hours' trend aggregates may predate these cells
		this.openHours.reopen();
	}

	/** The series cut into chunks of rows, one after another. */
	private static final class Chunks {

		private final HistoryRows.Horizon horizon;

		private final Iterator<Series> series;

		private final double[] rates;

		private Series next;

		Chunks(HistoryRows.Horizon horizon, double[] rates, Iterator<Series> series) {
			this.horizon = horizon;
			this.rates = rates;
			this.series = series;
			this.next = series.hasNext() ? series.next() : null;
		}

		/** The next chunk's rows, null after the last. */
		HistoryRows next() {
			if (this.next == null) {
				return null;
			}
			HistoryRows rows = new HistoryRows(this.horizon, this.rates);
			// a host's series stay in one chunk: the trend aggregates count its instance
			// once
			UUID instance = null;
			for (int i = 0; this.next != null && (this.next.instanceId().equals(instance)
					|| (i < SERIES_PER_CHUNK && rows.length() < CHARS_PER_CHUNK)); i++) {
				rows.add(this.next);
				instance = this.next.instanceId();
				this.next = this.series.hasNext() ? this.series.next() : null;
			}
			return rows;
		}

	}

}
