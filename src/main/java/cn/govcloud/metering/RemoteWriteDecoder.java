package cn.govcloud.metering;

/**
 * Reads a decompressed remote-write body — {@code prometheus.WriteRequest} (1.0) or
 * {@code io.prometheus.write.v2.Request} (2.0) — straight from the byte[], handing each
 * series' labels and samples to a {@link Sink}. Nothing is allocated per sample.
 */
final class RemoteWriteDecoder {

	/** Receives what is decoded, series by series. */
	interface Sink {

		void series(Labels labels);

		void sample(double value, long timestamp);

		/** A native histogram sample: not understood, counted as ignored. */
		void histogram();

		void endSeries();

	}

	/** The body is not the protobuf message it claims to be. */
	static final class MalformedException extends RuntimeException {

		MalformedException(String message) {
			super(message, null, false, false);
		}

	}

	private final byte[] buf;

	private int pos;

	private RemoteWriteDecoder(byte[] buf) {
		this.buf = buf;
	}

	static void decodeV1(byte[] body, int length, Labels labels, Sink sink) {
		new RemoteWriteDecoder(body).v1(length, labels, sink);
	}

	static void decodeV2(byte[] body, int length, Labels labels, Sink sink) {
		new RemoteWriteDecoder(body).v2(length, labels, sink);
	}

	private void v1(int end, Labels labels, Sink sink) {
		while (this.pos < end) {
			int tag = varint32();
			if (tag == (1 << 3 | 2)) {
				int length = length(end);
				int seriesEnd = this.pos + length;
				v1Series(this.pos, seriesEnd, labels, sink);
				this.pos = seriesEnd;
			}
			else {
				skip(tag, end);
			}
		}
	}

	private void v1Series(int start, int end, Labels labels, Sink sink) {
		labels.reset(this.buf);
		this.pos = start;
		while (this.pos < end) {
			int tag = varint32();
			if (tag == (1 << 3 | 2)) {
				int labelEnd = length(end) + this.pos;
				v1Label(labelEnd, labels);
				this.pos = labelEnd;
			}
			else {
				skip(tag, end);
			}
		}
		labels.buildKey();
		sink.series(labels);
		samples(start, end, 2, 4, sink);
		sink.endSeries();
	}

	private void v1Label(int end, Labels labels) {
		int nameOffset = 0;
		int nameLength = 0;
		int valueOffset = 0;
		int valueLength = 0;
		while (this.pos < end) {
			int tag = varint32();
			if (tag == (1 << 3 | 2)) {
				nameLength = length(end);
				nameOffset = this.pos;
				this.pos += nameLength;
			}
			else if (tag == (2 << 3 | 2)) {
				valueLength = length(end);
				valueOffset = this.pos;
				this.pos += valueLength;
			}
			else {
				skip(tag, end);
			}
		}
		labels.add(nameOffset, nameLength, valueOffset, valueLength);
	}

	/** The samples (field {@code sampleField}) and histograms of one series. */
	private void samples(int start, int end, int sampleField, int histogramField, Sink sink) {
		this.pos = start;
		while (this.pos < end) {
			int tag = varint32();
			if (tag == (sampleField << 3 | 2)) {
				int sampleEnd = length(end) + this.pos;
				sample(sampleEnd, sink);
				this.pos = sampleEnd;
			}
			else if (tag == (histogramField << 3 | 2)) {
				this.pos = length(end) + this.pos;
				sink.histogram();
			}
			else {
				skip(tag, end);
			}
		}
	}

	private void sample(int end, Sink sink) {
		double value = 0;
		long timestamp = 0;
		while (this.pos < end) {
			int tag = varint32();
			if (tag == (1 << 3 | 1)) {
				value = Double.longBitsToDouble(fixed64(end));
			}
			else if (tag == (2 << 3)) {
				timestamp = varint64();
			}
			else {
				skip(tag, end);
			}
		}
		sink.sample(value, timestamp);
	}

	private void v2(int end, Labels labels, Sink sink) {
		int symbols = 0;
		int[] offsets = new int[1024];
		int[] lengths = new int[1024];
		while (this.pos < end) {
			int tag = varint32();
			if (tag == (4 << 3 | 2)) {
				int length = length(end);
				if (symbols == offsets.length) {
					offsets = java.util.Arrays.copyOf(offsets, symbols * 2);
					lengths = java.util.Arrays.copyOf(lengths, symbols * 2);
				}
				offsets[symbols] = this.pos;
				lengths[symbols++] = length;
				this.pos += length;
			}
			else {
				skip(tag, end);
			}
		}
		if (symbols == 0 || lengths[0] != 0) {
			throw new MalformedException("the symbol table must start with the empty string");
		}
		Symbols table = new Symbols(offsets, lengths, symbols);
		this.pos = 0;
		while (this.pos < end) {
			int tag = varint32();
			if (tag == (5 << 3 | 2)) {
				int seriesEnd = length(end) + this.pos;
				v2Series(this.pos, seriesEnd, labels, sink, table);
				this.pos = seriesEnd;
			}
			else {
				skip(tag, end);
			}
		}
	}

	private void v2Series(int start, int end, Labels labels, Sink sink, Symbols symbols) {
		labels.reset(this.buf);
		int pending = -1;
		this.pos = start;
		while (this.pos < end) {
			int tag = varint32();
			if (tag == (1 << 3 | 2)) {
				int refsEnd = length(end) + this.pos;
				while (this.pos < refsEnd) {
					pending = ref(labels, symbols, pending, varint32());
				}
			}
			else if (tag == (1 << 3)) {
				pending = ref(labels, symbols, pending, varint32());
			}
			else {
				skip(tag, end);
			}
		}
		if (pending >= 0) {
			throw new MalformedException("labels_refs must hold name and value pairs");
		}
		labels.buildKey();
		sink.series(labels);
		samples(start, end, 2, 3, sink);
		sink.endSeries();
	}

	private static int ref(Labels labels, Symbols symbols, int pending, int ref) {
		if (ref < 0 || ref >= symbols.count()) {
			throw new MalformedException("label reference " + ref + " is outside the symbol table");
		}
		if (pending < 0) {
			return ref;
		}
		labels.add(symbols.offsets()[pending], symbols.lengths()[pending], symbols.offsets()[ref],
				symbols.lengths()[ref]);
		return -1;
	}

	private record Symbols(int[] offsets, int[] lengths, int count) {
	}

	private int length(int end) {
		int length = varint32();
		if (length < 0 || this.pos + length > end) {
			throw new MalformedException("a length runs past the end of its message at byte " + this.pos);
		}
		return length;
	}

	private void skip(int tag, int end) {
		switch (tag & 7) {
			case 0 -> varint64();
			case 1 -> this.pos += 8;
			case 2 -> this.pos = length(end) + this.pos;
			case 5 -> this.pos += 4;
			default -> throw new MalformedException("wire type " + (tag & 7) + " at byte " + this.pos);
		}
		if (this.pos > end) {
			throw new MalformedException("a field runs past the end of its message");
		}
	}

	private long fixed64(int end) {
		if (this.pos + 8 > end) {
			throw new MalformedException("a sample value runs past the end of its message");
		}
		byte[] b = this.buf;
		int p = this.pos;
		this.pos += 8;
		return ((long) b[p] & 0xff) | ((long) (b[p + 1] & 0xff) << 8) | ((long) (b[p + 2] & 0xff) << 16)
				| ((long) (b[p + 3] & 0xff) << 24) | ((long) (b[p + 4] & 0xff) << 32) | ((long) (b[p + 5] & 0xff) << 40)
				| ((long) (b[p + 6] & 0xff) << 48) | ((long) (b[p + 7] & 0xff) << 56);
	}

	private int varint32() {
		return (int) varint64();
	}

	private long varint64() {
		long result = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			if (this.pos >= this.buf.length) {
				throw new MalformedException("the body ends inside a number");
			}
			byte b = this.buf[this.pos++];
			result |= (long) (b & 0x7f) << shift;
			if (b >= 0) {
				return result;
			}
		}
		throw new MalformedException("a number longer than 10 bytes");
	}

}
