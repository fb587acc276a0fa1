package cn.govcloud.metering;

import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes measured history in bulk as GovCloud's own rollups — identical rows to what
 * ingest + the rollup consumer would write for the same 5-minute averages — for the world
 * generator and benchmarks.
 */
@Component
public class UtilisationHistory {

	/** Series written per transaction at most. */
	static final int SERIES_PER_CHUNK = 2_000;

	/**
	 * COPY text per transaction at most (about 64 MB of heap), whatever the series'
	 * length.
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
	 * come one after another (its hours are added to the trend aggregates once).
	 */
	public void load(Iterator<Series> series) {
		Instant now = Instant.now();
		// hours and days that ended before the history is written are sealed first, so
		// moving the watermarks past the loaded hours below skips no ingested data
		this.consumer.seal(now);
		HistoryRows.Horizon horizon = this.writer.horizon(now);
		Series next = series.hasNext() ? series.next() : null;
		while (next != null) {
			HistoryRows rows = new HistoryRows(horizon);
			// a host's series stay in one chunk: the trend aggregates count its instance
			// once
			UUID instance = null;
			for (int i = 0; next != null && (next.instanceId().equals(instance)
					|| (i < SERIES_PER_CHUNK && rows.length() < CHARS_PER_CHUNK)); i++) {
				rows.add(next);
				instance = next.instanceId();
				next = series.hasNext() ? series.next() : null;
			}
			this.transactions.executeWithoutResult((status) -> this.writer.write(rows));
		}
		// the open hours' trend aggregates may predate these cells
		this.openHours.reopen();
	}

}
