package cn.govcloud.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.xerial.snappy.Snappy;

/**
 * A hand-written encoder of Prometheus remote-write 1.0 requests: the protobuf
 * {@code prometheus.WriteRequest} (only the fields Prometheus fills for float samples)
 * compressed in snappy's block format, as Prometheus's queue manager sends them.
 *
 * <pre>
 * message WriteRequest { repeated TimeSeries timeseries = 1; }
 * message TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; }
 * message Label        { string name = 1; string value = 2; }
 * message Sample       { double value = 1; int64 timestamp = 2; }
 * </pre>
 */
public final class RemoteWriteEncoder {

	private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);

	private int samples;

	/**
	 * Adds one series with one sample.
	 * @param labels name, value, name, value… sorted by name, {@code __name__} first
	 */
	public RemoteWriteEncoder add(List<byte[]> labels, double value, long timestampMillis) {
		int labelsSize = 0;
		for (int i = 0; i < labels.size(); i += 2) {
			labelsSize += nested(label(labels.get(i), labels.get(i + 1)));
		}
		int sampleSize = 1 + 8 + 1 + varintSize(timestampMillis);
		int seriesSize = labelsSize + nested(sampleSize);
		tag(1, 2);
		varint(seriesSize);
		for (int i = 0; i < labels.size(); i += 2) {
			tag(1, 2);
			varint(label(labels.get(i), labels.get(i + 1)));
			bytes(1, labels.get(i));
			bytes(2, labels.get(i + 1));
		}
		tag(2, 2);
		varint(sampleSize);
		tag(1, 1);
		long bits = Double.doubleToRawLongBits(value);
		for (int i = 0; i < 8; i++) {
			this.body.write((int) (bits >>> (8 * i)) & 0xff);
		}
		tag(2, 0);
		varint(timestampMillis);
		this.samples++;
		return this;
	}

	public int samples() {
		return this.samples;
	}

	/** The protobuf bytes, uncompressed. */
	public byte[] protobuf() {
		return this.body.toByteArray();
	}

	/** The request body: the protobuf in snappy's block format. */
	public byte[] snappy() {
		try {
			return Snappy.compress(protobuf());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static int label(byte[] name, byte[] value) {
		return 1 + varintSize(name.length) + name.length + 1 + varintSize(value.length) + value.length;
	}

	private static int nested(int size) {
		return 1 + varintSize(size) + size;
	}

	private void bytes(int field, byte[] value) {
		tag(field, 2);
		varint(value.length);
		this.body.writeBytes(value);
	}

	private void tag(int field, int wireType) {
		this.body.write((field << 3) | wireType);
	}

	private void varint(long value) {
		long rest = value;
		while ((rest & ~0x7FL) != 0) {
			this.body.write((int) ((rest & 0x7F) | 0x80));
			rest >>>= 7;
		}
		this.body.write((int) rest);
	}

	static int varintSize(long value) {
		int size = 1;
		long rest = value;
		while ((rest & ~0x7FL) != 0) {
			size++;
			rest >>>= 7;
		}
		return size;
	}

}
