package cn.govcloud.metering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The samples of one request, sorted out series by series as the decoder hands them over:
 * ignored, rejected, unmatched, duplicate, out of order, or accepted into the request's
 * {@link BatchSamples}. Every accepted sample advanced its series' last timestamp; if the
 * batch does not commit, {@link #undo()} puts them back. Unmatched samples are held by
 * host (late registration).
 */
final class RequestIngest implements RemoteWriteDecoder.Sink {

	private static final long STALE_NAN = 0x7ff0000000000002L;

	private static final int MAX_PROBLEMS = 10;

	private final UUID supplier;

	private final SeriesIndex index;

	private final SeriesFactory factory;

	private final long notAfter;

	private final long notBefore;

	final BatchSamples samples;

	final Set<SeriesEntry> unpersisted = new LinkedHashSet<>();

	final List<SeriesEntry> unmatchedSeen = new ArrayList<>();

	/** Samples of hosts not in the inventory, by host: held for a late registration. */
	final Map<String, BatchSamples> held = new HashMap<>();

	final List<Long> unmatchedCounts = new ArrayList<>();

	private final Set<String> problems = new LinkedHashSet<>();

	private int moreProblems;

	int received;

	int ignored;

	int duplicate;

	int outOfOrder;

	int rejected;

	int unmatched;

	int histograms;

	private SeriesEntry current;

	/** Why the current series' samples are refused, or null. */
	private String refusal;

	private boolean ignoring;

	private int seriesSamples;

	private SeriesEntry[] undoEntries = new SeriesEntry[256];

	private long[] undoTs = new long[256];

	private long[] undoPrevious = new long[256];

	RequestIngest(UUID supplier, SeriesIndex index, SeriesFactory factory, long now, long futureTolerance, long maxAge,
			int expectedSamples) {
		this.supplier = supplier;
		this.index = index;
		this.factory = factory;
		this.notAfter = now + futureTolerance;
		this.notBefore = now - maxAge;
		this.samples = new BatchSamples(expectedSamples);
	}

	@Override
	public void series(Labels labels) {
		this.current = null;
		this.refusal = labels.problem();
		this.ignoring = false;
		this.seriesSamples = 0;
		if (this.refusal != null) {
			this.refusal = "series " + labels.describe() + ": " + this.refusal;
			return;
		}
		SeriesKind kind = SeriesFactory.classify(labels);
		if (kind == null) {
			this.ignoring = true;
			return;
		}
		long hash = SeriesIndex.hash(labels.key, labels.keyLength);
		SeriesEntry entry = this.index.get(labels.key, labels.keyLength, hash);
		if (entry == null) {
			entry = this.index.putIfAbsent(this.factory.create(this.supplier, labels, kind, hash));
		}
		this.factory.rematchIfStale(this.supplier, entry);
		this.current = entry;
	}

	@Override
	public void sample(double value, long timestamp) {
		this.received++;
		this.seriesSamples++;
		long bits = Double.doubleToRawLongBits(value);
		if (this.ignoring || bits == STALE_NAN) {
			this.ignored++;
			return;
		}
		if (this.refusal != null) {
			reject(this.refusal);
			return;
		}
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			reject("series " + this.current.labels() + ": value " + value + " is not a number GovCloud stores");
			return;
		}
		if (timestamp > this.notAfter || timestamp < this.notBefore) {
			reject("series " + this.current.labels() + ": timestamp " + timestamp
					+ ((timestamp > this.notAfter) ? " is too far in the future" : " is too old"));
			return;
		}
		if (this.current.status == SeriesEntry.Status.UNMATCHED) {
			this.unmatched++;
			hold(this.current, timestamp, value);
			return;
		}
		accept(this.current, timestamp, value);
	}

	private void accept(SeriesEntry entry, long timestamp, double value) {
		long previous = entry.advance(timestamp);
		if (previous == Long.MAX_VALUE) {
			if (timestamp == entry.lastTs()) {
				this.duplicate++;
			}
			else {
				this.outOfOrder++;
			}
			return;
		}
		int n = this.samples.count();
		if (n == this.undoEntries.length) {
			this.undoEntries = Arrays.copyOf(this.undoEntries, n * 2);
			this.undoTs = Arrays.copyOf(this.undoTs, n * 2);
			this.undoPrevious = Arrays.copyOf(this.undoPrevious, n * 2);
		}
		this.undoEntries[n] = entry;
		this.undoTs[n] = timestamp;
		this.undoPrevious[n] = previous;
		if (!entry.persisted) {
			this.unpersisted.add(entry);
		}
		this.samples.add(entry.id, timestamp, value);
	}

	/**
	 * A sample of a host not (yet) in the inventory: counted unmatched and held, so it is
	 * rolled up if the host is recorded within the holding time (ADR 0036).
	 */
	private void hold(SeriesEntry entry, long timestamp, double value) {
		this.held.computeIfAbsent(entry.matchValue, (host) -> new BatchSamples(16)).add(entry.id, timestamp, value);
		if (!entry.persisted) {
			this.unpersisted.add(entry);
		}
	}

	@Override
	public void histogram() {
		this.received++;
		this.ignored++;
		this.histograms++;
	}

	@Override
	public void endSeries() {
		if (this.current != null && this.current.status == SeriesEntry.Status.UNMATCHED && this.seriesSamples > 0) {
			this.unmatchedSeen.add(this.current);
			this.unmatchedCounts.add((long) this.seriesSamples);
		}
	}

	private void reject(String problem) {
		this.rejected++;
		if (this.problems.size() < MAX_PROBLEMS) {
			this.problems.add(problem);
		}
		else if (!this.problems.contains(problem)) {
			this.moreProblems++;
		}
	}

	/** Puts back the last timestamps this request advanced (its batch did not commit). */
	void undo() {
		for (int i = this.samples.count() - 1; i >= 0; i--) {
			this.undoEntries[i].undo(this.undoTs[i], this.undoPrevious[i]);
		}
	}

	int stored() {
		return this.samples.count();
	}

	IngestOutcome outcome() {
		List<String> all = new ArrayList<>(this.problems);
		if (this.moreProblems > 0) {
			all.add("… and " + this.moreProblems + " more problems");
		}
		return new IngestOutcome(this.received, stored(), this.ignored, this.duplicate, this.outOfOrder, this.rejected,
				this.unmatched, this.histograms, all);
	}

}
