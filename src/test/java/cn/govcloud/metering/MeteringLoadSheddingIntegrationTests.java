package cn.govcloud.metering;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.metering.MeteringFixtures.Host;
import cn.govcloud.metering.RemoteWriteEncoder.Series;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load shedding (issue 12, ADR 0012): when every storing slot of the node is taken, or
 * the consumer's backlog is over its limit, remote write answers 429 with Retry-After at
 * once instead of making the sender wait for a connection; with a slot free again it
 * stores.
 */
@GovCloudIntegrationTest
class MeteringLoadSheddingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	InstanceMatcher matcher;

	@Autowired
	LoadShedding shedding;

	@Autowired
	MeteringSettings settings;

	@Test
	void busyNodeAnswers429WithRetryAfterAndStoresOnceFree() {
		MeteringFixtures fixtures = new MeteringFixtures(this.jdbc, this.port);
		UUID supplier = fixtures.newSupplier();
		Host host = fixtures.host(fixtures.organizationOf("unitadmin"), supplier);
		this.matcher.refresh();
		String token = fixtures.credential(supplier);
		long ts = System.currentTimeMillis() - 60_000;
		int slots = this.settings.shedding().maxConcurrent();
		for (int i = 0; i < slots; i++) {
			assertThat(this.shedding.admit()).isTrue();
		}
		HttpResponse<String> busy = fixtures.write(token, List.of(sample(host, ts)));
		for (int i = 0; i < slots; i++) {
			this.shedding.release();
		}
		assertThat(busy.statusCode()).isEqualTo(429);
		assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
		HttpResponse<String> stored = fixtures.write(token, List.of(sample(host, ts)));
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
		assertThat(stored.headers().firstValue("X-Prometheus-Remote-Write-Samples-Written"))
			.as("the shed request stored nothing, so its resend is no duplicate")
			.hasValue("1");
	}

	@Test
	void aBacklogOverTheLimitIsShed() {
		MeteringSettings.Shedding none = new MeteringSettings.Shedding(8, -1, Duration.ofSeconds(5));
		LoadShedding strict = new LoadShedding(this.jdbcTemplate,
				new MeteringSettings("instance", DataSize.ofMegabytes(16), DataSize.ofMegabytes(64),
						Duration.ofMinutes(10), Duration.ofDays(34), Duration.ofSeconds(60), this.settings.retention(),
						none, Duration.ofDays(7)));
		assertThat(strict.admit()).isFalse();
		assertThat(this.shedding.admit()).isTrue();
		this.shedding.release();
	}

	private static Series sample(Host host, long ts) {
		return Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", host.ip()).sample(ts, 0.5);
	}

}
