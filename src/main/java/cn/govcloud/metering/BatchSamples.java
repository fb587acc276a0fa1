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
