package cn.govcloud.metering;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The series of one supplier by their normalised label bytes: an open-addressing hash
 * table of byte[] keys in 16 independently locked segments, so a known series costs one
 * hash, one probe and one array comparison, and no allocation.
 */
final class SeriesIndex {

	private static final int SEGMENTS = 16;

	private final Segment[] segments = new Segment[SEGMENTS];

	SeriesIndex() {
		for (int i = 0; i < SEGMENTS; i++) {
			this.segments[i] = new Segment();
		}
	}

	/** 64-bit FNV-1a style hash with a final mix, over {@code key[0, length)}. */
	static long hash(byte[] key, int length) {
		long h = 0xcbf29ce484222325L;
		int i = 0;
		for (; i + 8 <= length; i += 8) {
			long word = ((long) key[i] & 0xff) | ((long) (key[i + 1] & 0xff) << 8) | ((long) (key[i + 2] & 0xff) << 16)
					| ((long) (key[i + 3] & 0xff) << 24) | ((long) (key[i + 4] & 0xff) << 32)
					| ((long) (key[i + 5] & 0xff) << 40) | ((long) (key[i + 6] & 0xff) << 48)
					| ((long) (key[i + 7] & 0xff) << 56);
			h = (h ^ word) * 0x100000001b3L;
			h ^= h >>> 29;
		}
		for (; i < length; i++) {
			h = (h ^ (key[i] & 0xff)) * 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		return h;
	}

	SeriesEntry get(byte[] key, int length, long hash) {
		return segment(hash).get(key, length, hash);
	}

	/** Adds the entry unless one with the same key is there; returns the one kept. */
	SeriesEntry putIfAbsent(SeriesEntry entry) {
		return segment(entry.hash).putIfAbsent(entry);
	}

	void forEach(Consumer<SeriesEntry> action) {
		for (Segment segment : this.segments) {
			segment.forEach(action);
		}
	}

	int size() {
		int size = 0;
		for (Segment segment : this.segments) {
			size += segment.size;
		}
		return size;
	}

	private Segment segment(long hash) {
		return this.segments[(int) (hash >>> 60)];
	}

	private static final class Segment {

		/**
		 * The entries' hashes beside the entries: a probe reads this array (eight slots
		 * per cache line) and touches an entry and its key only when the hashes are equal
		 * — a lookup among 330,000 series costs about one cache miss for the probe
		 * instead of one per slot probed.
		 */
		private long[] hashes = new long[64];

		private SeriesEntry[] table = new SeriesEntry[64];

		private int size;

		synchronized SeriesEntry get(byte[] key, int length, long hash) {
			long[] keys = this.hashes;
			SeriesEntry[] entries = this.table;
			int mask = entries.length - 1;
			for (int slot = (int) hash & mask;; slot = (slot + 1) & mask) {
				if (keys[slot] == hash) {
					SeriesEntry entry = entries[slot];
					if (entry == null) {
						return null;
					}
					if (entry.key.length == length && Arrays.equals(entry.key, 0, length, key, 0, length)) {
						return entry;
					}
				}
				else if (keys[slot] == 0 && entries[slot] == null) {
					return null;
				}
			}
		}

		synchronized SeriesEntry putIfAbsent(SeriesEntry added) {
			SeriesEntry existing = get(added.key, added.key.length, added.hash);
			if (existing != null) {
				return existing;
			}
			if ((this.size + 1) * 2 > this.table.length) {
				grow();
			}
			insert(this.hashes, this.table, added);
			this.size++;
			return added;
		}

		synchronized void forEach(Consumer<SeriesEntry> action) {
			for (SeriesEntry entry : this.table) {
				if (entry != null) {
					action.accept(entry);
				}
			}
		}

		/** Doubles the table: at most half full, so a probe rarely goes past its slot. */
		private void grow() {
			long[] biggerHashes = new long[this.table.length * 2];
			SeriesEntry[] bigger = new SeriesEntry[this.table.length * 2];
			for (SeriesEntry entry : this.table) {
				if (entry != null) {
					insert(biggerHashes, bigger, entry);
				}
			}
			this.hashes = biggerHashes;
			this.table = bigger;
		}

		private static void insert(long[] hashes, SeriesEntry[] entries, SeriesEntry entry) {
			int mask = entries.length - 1;
			int slot = (int) entry.hash & mask;
			while (entries[slot] != null) {
				slot = (slot + 1) & mask;
			}
			hashes[slot] = entry.hash;
			entries[slot] = entry;
		}

	}

}
