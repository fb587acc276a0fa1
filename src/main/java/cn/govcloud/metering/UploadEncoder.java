package cn.govcloud.metering;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes uploaded samples as a remote-write 1.0 {@code WriteRequest}, one series per
 * sample, so uploads and remote write share one ingest path.
 */
final class UploadEncoder {

	record Series(List<String[]> labels, long timestamp, double value) {
	}

	private UploadEncoder() {
	}

	static byte[] encode(List<Series> series) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		for (Series one : series) {
			ByteArrayOutputStream ts = new ByteArrayOutputStream();
			for (String[] label : one.labels()) {
				ByteArrayOutputStream pair = new ByteArrayOutputStream();
				bytes(pair, 1, label[0].getBytes(StandardCharsets.UTF_8));
				bytes(pair, 2, label[1].getBytes(StandardCharsets.UTF_8));
				bytes(ts, 1, pair.toByteArray());
			}
			sample(ts, one.timestamp(), one.value());
			bytes(request, 1, ts.toByteArray());
		}
		return request.toByteArray();
	}

	/** A {@code Sample} (value, timestamp) as field 2 of a {@code TimeSeries}. */
	static void sample(ByteArrayOutputStream series, long timestamp, double value) {
		ByteArrayOutputStream sample = new ByteArrayOutputStream();
		sample.write(1 << 3 | 1);
		long bits = Double.doubleToRawLongBits(value);
		for (int i = 0; i < 8; i++) {
			sample.write((int) (bits >>> (8 * i)) & 0xff);
		}
		sample.write(2 << 3);
		varint(sample, timestamp);
		bytes(series, 2, sample.toByteArray());
	}

	static void bytes(ByteArrayOutputStream out, int field, byte[] value) {
		varint(out, field << 3 | 2);
		varint(out, value.length);
		out.writeBytes(value);
	}

	static void varint(ByteArrayOutputStream out, long value) {
		while ((value & ~0x7fL) != 0) {
			out.write((int) ((value & 0x7f) | 0x80));
			value >>>= 7;
		}
		out.write((int) value);
	}

}
