package cn.govcloud.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.govcloud.TestClient;
import cn.govcloud.metering.MeteringFixtures.Host;
import cn.govcloud.metering.RemoteWriteEncoder.Series;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A 2xx means durable" (issue 6): GovCloud runs as its own JVM on an embedded PostgreSQL
 * data directory, is killed with SIGKILL right after answering a write, and started again
 * on the same directory; the acknowledged samples are counted and stored, and resending
 * the request stores nothing twice. The first kill leaves PostgreSQL running (GovCloud
 * stops the orphan at start); the second kills PostgreSQL too, so the restart goes
 * through crash recovery.
 */
class MeteringDurabilityIntegrationTests {

	@Test
	void acknowledgedSamplesSurviveKillMinusNine() throws Exception {
		try (GovCloudProcess govcloud = new GovCloudProcess("-Xmx512m")) {
			govcloud.start();
			JdbcClient jdbc = govcloud.database();
			assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
			MeteringFixtures fixtures = new MeteringFixtures(jdbc, govcloud.port());
			UUID supplier = fixtures.organizationOf("operator");
			Host host = fixtures.host(fixtures.organizationOf("unitadmin"), supplier);
			String token = fixtures.credential(supplier);
			Thread.sleep(1500);
			long t0 = System.currentTimeMillis() - 600_000;

			List<Series> first = samples(host, t0, 500);
			assertThat(fixtures.write(token, first).statusCode()).isEqualTo(204);
			govcloud.killMinusNine();
			govcloud.start();
			assertThat(stats(govcloud, supplier)).containsEntry("receivedSamples", 500L)
				.containsEntry("storedSamples", 500L);
			assertThat(fixtures.write(token, first).statusCode()).isEqualTo(204);
			assertThat(stats(govcloud, supplier)).containsEntry("storedSamples", 500L);
			assertThat(dropped(govcloud, supplier)).as("a resend: duplicate (the last) or out of order (older)")
				.isEqualTo(500);

			List<Series> second = samples(host, t0 + 500_000, 300);
			assertThat(fixtures.write(token, second).statusCode()).isEqualTo(204);
			govcloud.killMinusNine();
			govcloud.killDatabase();
			govcloud.start();
			assertThat(stats(govcloud, supplier)).containsEntry("receivedSamples", 1300L)
				.containsEntry("storedSamples", 800L);
			assertThat(fixtures.write(token, second).statusCode()).isEqualTo(204);
			assertThat(stats(govcloud, supplier)).containsEntry("storedSamples", 800L);
			assertThat(dropped(govcloud, supplier)).isEqualTo(800);
		}
	}

	/** {@code count} samples of one gauge series, one second apart. */
	private static List<Series> samples(Host host, long from, int count) {
		Series series = Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", host.ip() + ":9100");
		for (int i = 0; i < count; i++) {
			series.sample(from + i * 1000L, (i % 100) / 100.0);
		}
		return new ArrayList<>(List.of(series));
	}

	private static long dropped(GovCloudProcess govcloud, UUID supplier) {
		Map<String, Long> stats = stats(govcloud, supplier);
		return stats.get("duplicateSamples") + stats.get("outOfOrderSamples");
	}

	static Map<String, Long> stats(GovCloudProcess govcloud, UUID supplier) {
		String body = TestClient.signedIn(govcloud.port(), "manager")
			.getJson("/api/v1/metering/stats?supplierId=" + supplier)
			.body();
		Map<String, Object> json = JsonPath.read(body, "$");
		Map<String, Long> numbers = new TreeMap<>();
		json.forEach((key, value) -> numbers.put(key, ((Number) value).longValue()));
		return numbers;
	}

}
