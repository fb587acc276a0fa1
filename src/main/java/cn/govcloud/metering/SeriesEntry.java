package cn.govcloud.metering;

import java.util.UUID;

/**
 * What GovCloud knows of one series of one supplier, kept in memory: whether its samples
 * are stored (and under which id), and the last accepted timestamp, against which
 * duplicates and out-of-order samples are dropped.
 */
final class SeriesEntry {

	enum Status {

		/** Matched to one of the supplier's instances: samples are stored. */
		STORED,
		/**
		 * Matches none of the supplier's own instances: counted and listed as "seen but
		 * not registered".
		 */
		UNMATCHED

	}

	final byte[] key;

	final long hash;

	final SeriesKind kind;

	final String dimension;

	final String matchValue;

	volatile Status status;

	volatile int id = -1;

	volatile UUID instanceId;

	/** The instance directory's generation the match was made against. */
	volatile long generation;

	/** The series row is committed (else the next batch that stores it writes it too). */
	volatile boolean persisted;

	private long lastTs = Long.MIN_VALUE;

	SeriesEntry(byte[] key, long hash, SeriesKind kind, String dimension, String matchValue) {
		this.key = key;
		this.hash = hash;
		this.kind = kind;
		this.dimension = dimension;
		this.matchValue = matchValue;
	}

	/**
	 * {@code name{a="b", …}}, for messages: made from the key when asked for, not kept
	 * (330,000 new series in one round would keep 330,000 strings, ADR 0042).
	 */
	String labels() {
		return Labels.describe(this.key);
	}

	/**
	 * Accepts {@code ts} if it is newer than the last accepted one.
	 * @return the previous last timestamp (to undo with), or {@link Long#MAX_VALUE} if
	 * refused
	 */
	synchronized long advance(long ts) {
		if (ts <= this.lastTs) {
			return Long.MAX_VALUE;
		}
		long previous = this.lastTs;
		this.lastTs = ts;
		return previous;
	}

	/** Undoes {@link #advance} after a failed commit, unless a later sample moved on. */
	synchronized void undo(long ts, long previous) {
		if (this.lastTs == ts) {
			this.lastTs = previous;
		}
	}

	synchronized long lastTs() {
		return this.lastTs;
	}

	/** At startup: the newest timestamp already stored. */
	synchronized void restore(long ts) {
		this.lastTs = Math.max(this.lastTs, ts);
	}

}
