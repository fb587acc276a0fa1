package cn.govcloud.metering;

import java.util.ArrayList;
import java.util.List;

import cn.govcloud.metering.RemoteWriteEncoder.Series;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteWriteDecoderTests {

	private static final List<Series> SERIES = List
		.of(Series.of("__name__", "node_cpu_seconds_total", "cpu", "0", "instance", "10.0.0.5:9100", "mode", "idle")
			.sample(1000, 12.5)
			.sample(16000, 13.5), Series.of("__name__", "up", "instance", "10.0.0.5:9100").sample(1000, 1));

	@Test
	void versionOneAndTwoGiveTheSameSeriesKeysAndSamples() {
		Recorder v1 = new Recorder();
		byte[] one = RemoteWriteEncoder.v1(SERIES);
		RemoteWriteDecoder.decodeV1(one, one.length, new Labels(), v1);
		Recorder v2 = new Recorder();
		byte[] two = RemoteWriteEncoder.v2(SERIES);
		RemoteWriteDecoder.decodeV2(two, two.length, new Labels(), v2);
		assertThat(v1.events).containsExactly(
				"node_cpu_seconds_total{cpu=\"0\", instance=\"10.0.0.5:9100\", mode=\"idle\"} CPU_IDLE", "1000=12.5",
				"16000=13.5", "up{instance=\"10.0.0.5:9100\"} null", "1000=1.0");
		assertThat(v2.events).isEqualTo(v1.events);
		assertThat(v2.keys).isEqualTo(v1.keys);
	}

	@Test
	void aSeriesTextMadeFromItsKeyIsTheTextOfItsLabels() {
		List<Series> series = List.of(
				Series.of("__name__", "node_filesystem_avail_bytes", "device", "/dev/vda1", "instance", "10.0.0.5:9100",
						"mountpoint", "/" + "x".repeat(200)),
				Series.of("__name__", "up", "instance", "[fd00::1]:9100", "job", "节点"));
		Recorder recorder = new Recorder();
		List<String> fromKeys = new ArrayList<>();
		byte[] body = RemoteWriteEncoder.v1(series.stream().map((one) -> one.sample(1, 1)).toList());
		RemoteWriteDecoder.decodeV1(body, body.length, new Labels(), new Recorder() {
			@Override
			public void series(Labels labels) {
				recorder.series(labels);
				fromKeys.add(Labels.describe(java.util.Arrays.copyOf(labels.key, labels.keyLength)));
			}
		});
		assertThat(fromKeys).containsExactly(
				"node_filesystem_avail_bytes{device=\"/dev/vda1\", instance=\"10.0.0.5:9100\", mountpoint=\"/"
						+ "x".repeat(200) + "\"}",
				"up{instance=\"[fd00::1]:9100\", job=\"节点\"}");
		assertThat(fromKeys).containsExactly(
				recorder.events.stream().map((e) -> e.substring(0, e.lastIndexOf(' '))).toArray(String[]::new));
	}

	@Test
	void labelProblemsAreNamed() {
		assertThat(problem(Series.of("instance", "a", "__name__", "up"))).contains("not sorted");
		assertThat(problem(Series.of("__name__", "up", "job", ""))).contains("empty value");
		assertThat(problem(Series.of("__name__", "up", "job", "a", "job", "b"))).contains("repeated");
		assertThat(problem(Series.of("job", "a"))).contains("__name__");
		assertThat(problem(Series.of("__name__", "up", "job", "a"))).isNull();
	}

	@Test
	void truncatedBodiesAreMalformed() {
		byte[] one = RemoteWriteEncoder.v1(SERIES);
		assertThatThrownBy(() -> RemoteWriteDecoder.decodeV1(java.util.Arrays.copyOf(one, one.length - 3),
				one.length - 3, new Labels(), new Recorder()))
			.isInstanceOf(RemoteWriteDecoder.MalformedException.class);
	}

	private static String problem(Series series) {
		Recorder recorder = new Recorder();
		byte[] body = RemoteWriteEncoder.v1(List.of(series.sample(1, 1)));
		RemoteWriteDecoder.decodeV1(body, body.length, new Labels(), recorder);
		return recorder.problem;
	}

	static class Recorder implements RemoteWriteDecoder.Sink {

		final List<String> events = new ArrayList<>();

		final List<String> keys = new ArrayList<>();

		String problem;

		@Override
		public void series(Labels labels) {
			this.problem = labels.problem();
			labels.buildKey();
			this.keys.add(java.util.HexFormat.of().formatHex(labels.key, 0, labels.keyLength));
			this.events.add(labels.describe() + " " + ((this.problem == null) ? SeriesFactory.classify(labels) : "-"));
		}

		@Override
		public void sample(double value, long timestamp) {
			this.events.add(timestamp + "=" + value);
		}

		@Override
		public void histogram() {
			this.events.add("histogram");
		}

		@Override
		public void endSeries() {
		}

	}

}
