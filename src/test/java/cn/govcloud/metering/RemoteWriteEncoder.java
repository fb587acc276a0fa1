package cn.govcloud.metering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xerial.snappy.Snappy;

/**
 * A tiny test encoder of remote-write requests (1.0 {@code prometheus.WriteRequest} and
 * 2.0 {@code io.prometheus.write.v2.Request}), labels kept in the order given.
 */
final class RemoteWriteEncoder {

	/** One series: label name/value pairs in order, and (timestamp, value) samples. */
	record Series(List<String[]> labels, List<Sample> samples) {

		static Series of(String... pairs) {
			List<String[]> labels = new ArrayList<>();
			for (int i = 0; i < pairs.length; i += 2) {
				labels.add(new String[] { pairs[i], pairs[i + 1] });
			}
			return new Series(labels, new ArrayList<>());
		}

		Series sample(long timestamp, double value) {
			this.samples.add(new Sample(timestamp, value));
			return this;
		}

	}

	record Sample(long timestamp, double value) {
	}

	private RemoteWriteEncoder() {
	}

	static byte[] v1(List<Series> series) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		for (Series one : series) {
			ByteArrayOutputStream ts = new ByteArrayOutputStream();
			for (String[] label : one.labels()) {
				ByteArrayOutputStream l = new ByteArrayOutputStream();
				string(l, 1, label[0]);
				string(l, 2, label[1]);
				bytes(ts, 1, l.toByteArray());
			}
			samples(ts, one);
			bytes(request, 1, ts.toByteArray());
		}
		return request.toByteArray();
	}

	static byte[] v2(List<Series> series) {
		Map<String, Integer> symbols = new LinkedHashMap<>();
		symbols.put("", 0);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		List<byte[]> encoded = new ArrayList<>();
		for (Series one : series) {
			ByteArrayOutputStream refs = new ByteArrayOutputStream();
			for (String[] label : one.labels()) {
				varint(refs, symbols.computeIfAbsent(label[0], (k) -> symbols.size()));
				varint(refs, symbols.computeIfAbsent(label[1], (k) -> symbols.size()));
			}
			ByteArrayOutputStream ts = new ByteArrayOutputStream();
			bytes(ts, 1, refs.toByteArray());
			samples(ts, one);
			encoded.add(ts.toByteArray());
		}
		symbols.keySet().forEach((symbol) -> string(body, 4, symbol));
		encoded.forEach((ts) -> bytes(body, 5, ts));
		return body.toByteArray();
	}

	static byte[] snappy(byte[] raw) {
		try {
			return Snappy.compress(raw);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void samples(ByteArrayOutputStream ts, Series one) {
		for (Sample sample : one.samples()) {
			UploadEncoder.sample(ts, sample.timestamp(), sample.value());
		}
	}

	private static void string(ByteArrayOutputStream out, int field, String value) {
		bytes(out, field, value.getBytes(StandardCharsets.UTF_8));
	}

	private static void bytes(ByteArrayOutputStream out, int field, byte[] value) {
		UploadEncoder.bytes(out, field, value);
	}

	private static void varint(ByteArrayOutputStream out, long value) {
		UploadEncoder.varint(out, value);
	}

}
