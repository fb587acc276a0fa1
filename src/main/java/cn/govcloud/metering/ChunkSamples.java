package cn.govcloud.metering;

import java.util.Arrays;

/**
 * The samples of the batches one consumer transaction merges, in primitive columns,
 * grouped by series and ordered by time within each series (no object per sample).
 */
final class ChunkSamples {

	private int size;

	private int[] ids = new int[1024];

	private long[] timestamps = new long[1024];

	private long[] values = new long[1024];

	/** Per group (series): its id and where its samples start; ends at the next start. */
	private int[] groupIds = new int[0];

	private int[] groupStarts = new int[] { 0 };

	/** Adds a batch's samples ({@link BatchSamples} layout). */
	void add(byte[] batch) {
		int count = batch.length / BatchSamples.BYTES;
		if (this.size + count > this.ids.length) {
			int capacity = Math.max(this.ids.length * 2, this.size + count);
			this.ids = Arrays.copyOf(this.ids, capacity);
			this.timestamps = Arrays.copyOf(this.timestamps, capacity);
			this.values = Arrays.copyOf(this.values, capacity);
		}
		for (int at = 0; at + BatchSamples.BYTES <= batch.length; at += BatchSamples.BYTES) {
			this.ids[this.size] = (int) readLong(batch, at, 4);
			this.timestamps[this.size] = readLong(batch, at + 4, 8);
			this.values[this.size++] = readLong(batch, at + 12, 8);
		}
	}

	/**
	 * Groups the samples by series, each series' samples by timestamp. The series ids are
	 * read from the sort keys, so only the timestamps and values are copied.
	 */
	void group() {
		long[] order = new long[this.size];
		for (int i = 0; i < this.size; i++) {
			order[i] = ((long) this.ids[i] << 32) | i;
		}
		this.ids = null;
		Arrays.sort(order);
		int groups = 0;
		for (int k = 0; k < this.size; k++) {
			if (k == 0 || (int) (order[k] >>> 32) != (int) (order[k - 1] >>> 32)) {
				groups++;
			}
		}
		long[] sortedTs = new long[this.size];
		long[] sortedValues = new long[this.size];
		int[] starts = new int[groups + 1];
		int[] groupIds = new int[groups];
		int group = 0;
		for (int k = 0; k < this.size; k++) {
			int i = (int) order[k];
			int id = (int) (order[k] >>> 32);
			sortedTs[k] = this.timestamps[i];
			sortedValues[k] = this.values[i];
			if (k == 0 || id != groupIds[group - 1]) {
				starts[group] = k;
				groupIds[group++] = id;
			}
		}
		starts[groups] = this.size;
		this.timestamps = sortedTs;
		this.values = sortedValues;
		this.groupIds = groupIds;
		this.groupStarts = starts;
		for (int g = 0; g < groups; g++) {
			sortByTime(this.groupStarts[g], this.groupStarts[g + 1]);
		}
	}

	int groups() {
		return this.groupIds.length;
	}

	int seriesId(int group) {
		return this.groupIds[group];
	}

	int start(int group) {
		return this.groupStarts[group];
	}

	int end(int group) {
		return this.groupStarts[group + 1];
	}

	long timestamp(int k) {
		return this.timestamps[k];
	}

	double value(int k) {
		return Double.longBitsToDouble(this.values[k]);
	}

	int size() {
		return this.size;
	}

	/** Insertion sort: a series' samples arrive in time order except after a retry. */
	private void sortByTime(int from, int to) {
		for (int i = from + 1; i < to; i++) {
			long ts = this.timestamps[i];
			long value = this.values[i];
			int j = i - 1;
			while (j >= from && this.timestamps[j] > ts) {
				this.timestamps[j + 1] = this.timestamps[j];
				this.values[j + 1] = this.values[j];
				j--;
			}
			this.timestamps[j + 1] = ts;
			this.values[j + 1] = value;
		}
	}

	private static long readLong(byte[] bytes, int at, int length) {
		long value = 0;
		for (int i = 0; i < length; i++) {
			value = (value << 8) | (bytes[at + i] & 0xff);
		}
		return (length == 4) ? (int) value : value;
	}

}
