package cn.govcloud.metering;

import java.util.Arrays;

/**
 * The accepted samples of one request, compact: per sample the series id (int), the
 * timestamp (long, ms) and the value (double), big-endian — 20 bytes, stored as one
 * bytea.
 */
final class BatchSamples {

	static final int BYTES = 20;

	private byte[] bytes;

	private int size;

	BatchSamples(int expected) {
		this.bytes = new byte[Math.max(expected, 16) * BYTES];
	}

	void add(int seriesId, long timestamp, double value) {
		if (this.size + BYTES > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, this.bytes.length * 2);
		}
		int at = this.size;
		putInt(at, seriesId);
		putLong(at + 4, timestamp);
		putLong(at + 12, Double.doubleToRawLongBits(value));
		this.size += BYTES;
	}

	int count() {
		return this.size / BYTES;
	}

	byte[] toArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	/** Rewrites the series ids of samples ({@link #BYTES} each) named in {@code ids}. */
	static void rewriteIds(byte[] samples, java.util.Map<Integer, Integer> ids) {
		for (int at = 0; at + BYTES <= samples.length; at += BYTES) {
			int id = ((samples[at] & 0xff) << 24) | ((samples[at + 1] & 0xff) << 16) | ((samples[at + 2] & 0xff) << 8)
					| (samples[at + 3] & 0xff);
			Integer canonical = ids.get(id);
			if (canonical != null) {
				samples[at] = (byte) (canonical >>> 24);
				samples[at + 1] = (byte) (canonical >>> 16);
				samples[at + 2] = (byte) (canonical >>> 8);
				samples[at + 3] = (byte) (int) canonical;
			}
		}
	}

	private void putInt(int at, int value) {
		this.bytes[at] = (byte) (value >>> 24);
		this.bytes[at + 1] = (byte) (value >>> 16);
		this.bytes[at + 2] = (byte) (value >>> 8);
		this.bytes[at + 3] = (byte) value;
	}

	private void putLong(int at, long value) {
		putInt(at, (int) (value >>> 32));
		putInt(at + 4, (int) value);
	}

}
