package cn.govcloud.metering;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.metering.MeteringFixtures.Host;
import cn.govcloud.metering.RemoteWriteEncoder.Series;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Late registration (issue 12, ADR 0036): samples of a host not yet in the inventory are
 * counted unmatched and held; when the host is recorded they are rolled up like any
 * other, and held samples older than {@code held-for} (7 days) are pruned.
 */
@GovCloudIntegrationTest
class LateRegistrationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InstanceMatcher matcher;

	@Autowired
	RollupConsumer consumer;

	@Autowired
	HeldSamples held;

	MeteringFixtures fixtures;

	UUID supplier;

	String token;

	String address;

	@BeforeEach
	void supplierWithAnUnknownHost() {
		this.fixtures = new MeteringFixtures(this.jdbc, this.port);
		this.supplier = this.fixtures.newSupplier();
		this.token = this.fixtures.credential(this.supplier);
		int n = (int) (Math.random() * 65_000);
		this.address = "10.251." + (n >> 8) + "." + (n & 255);
	}

	@Test
	void samplesOfAHostRecordedLaterAreRolledUp() {
		long t0 = System.currentTimeMillis() - 1_800_000;
		HttpResponse<String> early = this.fixtures.write(this.token, List.of(cpu(t0, 10)));
		assertThat(early.statusCode()).isEqualTo(204);
		assertThat(early.headers().firstValue("X-Prometheus-Remote-Write-Samples-Written")).hasValue("0");
		assertThat(number("unmatchedSamples")).isEqualTo(10);
		assertThat(heldRows()).isEqualTo(1);

		Host host = this.fixtures.host(this.fixtures.organizationOf("unitadmin"), this.supplier);
		this.jdbc.sql("INSERT INTO instance_address (instance_id, supplier_id, address) VALUES (:i, :s, :a::inet)")
			.param("i", host.id())
			.param("s", this.supplier)
			.param("a", this.address)
			.update();
		this.matcher.refresh();
		assertThat(heldRows()).as("released when the host is recorded").isZero();
		HttpResponse<String> live = this.fixtures.write(this.token, List.of(cpu(t0 + 600_000, 1)));
		assertThat(live.headers().firstValue("X-Prometheus-Remote-Write-Samples-Written")).hasValue("1");
		this.consumer.consume(Duration.ZERO);

		assertThat(number("storedSamples")).isEqualTo(11);
		assertThat(number("unmatchedSamples")).isZero();
		assertThat(this.jdbc.sql("SELECT sum(count) FROM metering_5m WHERE instance_id = :i")
			.param("i", host.id())
			.query(Long.class)
			.single()).as("the held samples and the live one, rolled up").isEqualTo(11);
	}

	@Test
	void heldSamplesOfAHostNeverRecordedArePrunedAfterTheHoldingTime() {
		assertThat(this.fixtures.write(this.token, List.of(cpu(System.currentTimeMillis() - 60_000, 3))).statusCode())
			.isEqualTo(204);
		this.held.prune(Instant.now());
		assertThat(heldRows()).as("within 7 days").isEqualTo(1);
		assertThat(this.held.prune(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60))).isPositive();
		assertThat(heldRows()).isZero();
		assertThat(number("unmatchedSamples")).as("still counted as received unmatched").isEqualTo(3);
	}

	/** {@code count} CPU samples of the unknown host, 15 s apart. */
	private Series cpu(long from, int count) {
		Series series = Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", this.address + ":9100");
		for (int i = 0; i < count; i++) {
			series.sample(from + i * 15_000L, 0.25);
		}
		return series;
	}

	private long heldRows() {
		return this.jdbc.sql("SELECT count(*) FROM metering_held WHERE supplier_id = :s AND match_value = :a")
			.param("s", this.supplier)
			.param("a", this.address)
			.query(Long.class)
			.single();
	}

	private long number(String field) {
		String stats = TestClient.signedIn(this.port, "manager")
			.getJson("/api/v1/metering/stats?supplierId=" + this.supplier)
			.body();
		return ((Number) JsonPath.read(stats, "$." + field)).longValue();
	}

}
