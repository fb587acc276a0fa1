package cn.govcloud.metering;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns samples into 5-minute cells of utilisation (ADR 0010). Counters become rates from
 * the series' previous sample (a value below the previous one is a reset: the increase is
 * the new value); an interval longer than {@link #MAX_GAP_MS} gives no point. CPU: each
 * CPU's busy share of an interval is {@code 1 − idle increase / seconds}; the CPUs of one
 * instance at one timestamp are averaged into one point (weight = number of CPUs), so the
 * 5-minute average is {@code 1 − avg(rate(idle))} as Prometheus computes it. Memory:
 * {@code 1 − MemAvailable / MemTotal}; disk per mountpoint: {@code 1 − avail / size}
 * (with the total's latest value); network per device: {@code increase × 8 / seconds}.
 */
final class RollupMath {

	static final long FIVE_MINUTES_MS = 300_000;

	static final long MAX_GAP_MS = 600_000;

	/** {@link #add}: the sample's timestamp is its series' last one. */
	static final int DUPLICATE = 1;

	/** {@link #add}: the sample is older than its series' last one. */
	static final int OUT_OF_ORDER = 2;

	/** What the consumer knows of a stored series. */
	record Series(int id, UUID instanceId, SeriesKind kind, String dimension) {
	}

	/** A series' last sample (the consumer's state, persisted with the rollups). */
	static final class State {

		long lastTs = Long.MIN_VALUE;

		double lastValue;

		boolean changed;

	}

	record CellKey(UUID instanceId, Metric metric, String dimension, long bucket) {
	}

	static final class Cell {

		double sum;

		int count;

		double max = Double.NEGATIVE_INFINITY;

		void add(double value, int weight) {
			this.sum += value * weight;
			this.count += weight;
			this.max = Math.max(this.max, value);
		}

	}

	private final Map<CellKey, Cell> cells = new HashMap<>();

	private final Map<CellKey, double[]> cpuGroups = new HashMap<>();

	/** The cell {@link #point} added to last, for which series and bucket. */
	private Series lastSeries;

	private long lastBucket;

	private Cell lastCell;

	/**
	 * The increase of a counter from {@code previous} to {@code current}, resets handled.
	 */
	static double increase(double previous, double current) {
		return (current >= previous) ? current - previous : current;
	}

	static long bucket(long ts) {
		return Math.floorDiv(ts, FIVE_MINUTES_MS) * FIVE_MINUTES_MS;
	}

	/**
	 * One sample of a series, in timestamp order per series.
	 * @param total the latest value of the matching total (MemTotal, filesystem size), or
	 * NaN
	 * @return 0 if the sample is taken, else {@link #DUPLICATE} (its series' last
	 * timestamp) or {@link #OUT_OF_ORDER} (older): a sample another node stored too, or a
	 * late registration's sample older than what its series has since (ADR 0036)
	 */
	int add(Series series, State state, long ts, double value, double total) {
		long previousTs = state.lastTs;
		double previous = state.lastValue;
		if (ts <= previousTs) {
			return (ts == previousTs) ? DUPLICATE : OUT_OF_ORDER;
		}
		state.lastTs = ts;
		state.lastValue = value;
		state.changed = true;
		SeriesKind kind = series.kind();
		if (kind.counter()) {
			if (previousTs == Long.MIN_VALUE || ts - previousTs > MAX_GAP_MS) {
				return 0;
			}
			double seconds = (ts - previousTs) / 1000.0;
			double rate = increase(previous, value) / seconds;
			if (kind == SeriesKind.CPU_IDLE) {
				double busy = Math.min(Math.max(1 - rate, 0), 1);
				double[] group = this.cpuGroups.computeIfAbsent(new CellKey(series.instanceId(), Metric.CPU, "", ts),
						(k) -> new double[2]);
				group[0] += busy;
				group[1]++;
			}
			else {
				point(series, ts, rate * 8);
			}
			return 0;
		}
		switch (kind) {
			case MEM_TOTAL, FS_SIZE -> {
			}
			case MEM_AVAILABLE, FS_AVAIL -> {
				if (total > 0) {
					point(series, ts, Math.min(Math.max(1 - value / total, 0), 1));
				}
			}
			default -> point(series, ts, value);
		}
		return 0;
	}

	private void point(Series series, long ts, double value) {
		long bucket = bucket(ts);
		if (this.lastSeries != series || this.lastBucket != bucket) {
			// a series' samples come in time order: most fall into the cell of the one
			// before
			this.lastCell = this.cells.computeIfAbsent(
					new CellKey(series.instanceId(), series.kind().metric(), series.dimension(), bucket),
					(k) -> new Cell());
			this.lastSeries = series;
			this.lastBucket = bucket;
		}
		this.lastCell.add(value, 1);
	}

	/** The cells of everything added, CPU groups folded in. */
	Map<CellKey, Cell> cells() {
		this.cpuGroups.forEach((key, group) -> this.cells
			.computeIfAbsent(new CellKey(key.instanceId(), Metric.CPU, "", bucket(key.bucket())), (k) -> new Cell())
			.add(group[0] / group[1], (int) group[1]));
		this.cpuGroups.clear();
		return this.cells;
	}

}
