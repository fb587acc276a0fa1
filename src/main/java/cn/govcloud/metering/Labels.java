package cn.govcloud.metering;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The labels of the series being decoded, as byte ranges of the request (reused from
 * series to series, so nothing is allocated), and their normalised key: for each label
 * {@code varint(len) name varint(len) value} — the same for remote write 1.0 and 2.0.
 */
final class Labels {

	static final int MAX_LABELS = 64;

	private static final byte[] NAME = "__name__".getBytes(StandardCharsets.UTF_8);

	byte[] buffer;

	final int[] nameOffset = new int[MAX_LABELS];

	final int[] nameLength = new int[MAX_LABELS];

	final int[] valueOffset = new int[MAX_LABELS];

	final int[] valueLength = new int[MAX_LABELS];

	int count;

	boolean tooMany;

	byte[] key = new byte[512];

	int keyLength;

	void reset(byte[] buffer) {
		this.buffer = buffer;
		this.count = 0;
		this.tooMany = false;
	}

	void add(int nameOffset, int nameLength, int valueOffset, int valueLength) {
		if (this.count == MAX_LABELS) {
			this.tooMany = true;
			return;
		}
		this.nameOffset[this.count] = nameOffset;
		this.nameLength[this.count] = nameLength;
		this.valueOffset[this.count] = valueOffset;
		this.valueLength[this.count] = valueLength;
		this.count++;
	}

	/** Builds {@link #key}; call after the last {@link #add}. */
	void buildKey() {
		int needed = 0;
		for (int i = 0; i < this.count; i++) {
			needed += this.nameLength[i] + this.valueLength[i] + 10;
		}
		if (needed > this.key.length) {
			this.key = new byte[Math.max(needed, this.key.length * 2)];
		}
		int at = 0;
		for (int i = 0; i < this.count; i++) {
			at = varint(at, this.nameLength[i]);
			System.arraycopy(this.buffer, this.nameOffset[i], this.key, at, this.nameLength[i]);
			at += this.nameLength[i];
			at = varint(at, this.valueLength[i]);
			System.arraycopy(this.buffer, this.valueOffset[i], this.key, at, this.valueLength[i]);
			at += this.valueLength[i];
		}
		this.keyLength = at;
	}

	private int varint(int at, int value) {
		while ((value & ~0x7f) != 0) {
			this.key[at++] = (byte) ((value & 0x7f) | 0x80);
			value >>>= 7;
		}
		this.key[at++] = (byte) value;
		return at;
	}

	/** The index of the label named {@code name}, or -1. */
	int find(byte[] name) {
		for (int i = 0; i < this.count; i++) {
			if (this.nameLength[i] == name.length && Arrays.equals(this.buffer, this.nameOffset[i],
					this.nameOffset[i] + this.nameLength[i], name, 0, name.length)) {
				return i;
			}
		}
		return -1;
	}

	int metricName() {
		return find(NAME);
	}

	boolean valueEquals(int label, byte[] expected) {
		return this.valueLength[label] == expected.length && Arrays.equals(this.buffer, this.valueOffset[label],
				this.valueOffset[label] + this.valueLength[label], expected, 0, expected.length);
	}

	/** What is wrong with these labels for the remote-write spec, or null. */
	String problem() {
		if (this.tooMany) {
			return "more than " + MAX_LABELS + " labels";
		}
		if (this.count == 0) {
			return "a series without labels";
		}
		for (int i = 0; i < this.count; i++) {
			if (this.nameLength[i] == 0) {
				return "an empty label name";
			}
			if (this.valueLength[i] == 0) {
				return "label " + name(i) + " has an empty value";
			}
			if (i > 0) {
				int order = Arrays.compareUnsigned(this.buffer, this.nameOffset[i - 1],
						this.nameOffset[i - 1] + this.nameLength[i - 1], this.buffer, this.nameOffset[i],
						this.nameOffset[i] + this.nameLength[i]);
				if (order == 0) {
					return "label " + name(i) + " is repeated";
				}
				if (order > 0) {
					return "labels are not sorted by name (" + name(i - 1) + " before " + name(i) + ")";
				}
			}
		}
		return (metricName() < 0) ? "a series without the __name__ label" : null;
	}

	String name(int i) {
		return new String(this.buffer, this.nameOffset[i], this.nameLength[i], StandardCharsets.UTF_8);
	}

	String value(int i) {
		return new String(this.buffer, this.valueOffset[i], this.valueLength[i], StandardCharsets.UTF_8);
	}

	/**
	 * {@code name{a="b", …}} of a normalised label key ({@link #buildKey}'s bytes): how a
	 * series is shown in messages and the list of unregistered hosts, worked out only
	 * when shown (a new series keeps just its key, ADR 0042).
	 */
	static String describe(byte[] key) {
		Labels labels = new Labels();
		labels.reset(key);
		int at = 0;
		while (at < key.length && labels.count < MAX_LABELS) {
			int[] name = varintAt(key, at);
			int[] value = varintAt(key, name[1] + name[0]);
			labels.add(name[1], name[0], value[1], value[0]);
			at = value[1] + value[0];
		}
		return labels.describe();
	}

	/** {length, offset after the varint}. */
	private static int[] varintAt(byte[] key, int at) {
		int value = 0;
		int shift = 0;
		while ((key[at] & 0x80) != 0) {
			value |= (key[at++] & 0x7f) << shift;
			shift += 7;
		}
		value |= key[at++] << shift;
		return new int[] { value, at };
	}

	/** {@code name{a="b", …}}, for messages and the series table. */
	String describe() {
		StringBuilder text = new StringBuilder();
		int name = metricName();
		if (name >= 0) {
			text.append(value(name));
		}
		text.append('{');
		boolean first = true;
		for (int i = 0; i < this.count; i++) {
			if (i != name) {
				text.append(first ? "" : ", ").append(name(i)).append("=\"").append(value(i)).append('"');
				first = false;
			}
		}
		return text.append('}').toString();
	}

}
