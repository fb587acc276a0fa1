package cn.govcloud.metering;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

import static cn.govcloud.metering.MeteringFixtures.V1;
import static cn.govcloud.metering.MeteringFixtures.V2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remote-write receiver against the spec: status codes, messages and headers for good
 * and bad input, idempotency, supplier isolation and the durable totals.
 */
@GovCloudIntegrationTest
class MeteringRemoteWriteIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InstanceMatcher matcher;

	MeteringFixtures fixtures;

	UUID supplier;

	Host host;

	String token;

	long now;

	@BeforeEach
	void supplierWithAHost() {
		this.fixtures = new MeteringFixtures(this.jdbc, this.port);
		this.supplier = this.fixtures.newSupplier();
		this.host = this.fixtures.host(this.fixtures.organizationOf("unitadmin"), this.supplier);
		this.matcher.refresh();
		this.token = this.fixtures.credential(this.supplier);
		this.now = System.currentTimeMillis() - 60_000;
	}

	@Test
	void nodeExporterSeriesAreStoredDurablyAndOthersIgnored() {
		HttpResponse<String> written = this.fixtures.write(this.token,
				MeteringFixtures.node(this.host.ip() + ":9100", this.now, 100, 200, 8e9));
		assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
		assertThat(written.headers().firstValue("X-Prometheus-Remote-Write-Samples-Written")).hasValue("4");
		String stats = stats();
		assertThat(number(stats, "receivedSamples")).isEqualTo(5);
		assertThat(number(stats, "storedSamples")).isEqualTo(4);
		assertThat(number(stats, "ignoredSamples")).isEqualTo(1);
		assertThat(number(stats, "pendingBatches")).isEqualTo(1);
	}

	@Test
	void aResentRequestStoresNothingTwice() {
		List<Series> request = MeteringFixtures.node(this.host.ip() + ":9100", this.now, 100, 200, 8e9);
		assertThat(this.fixtures.write(this.token, request).statusCode()).isEqualTo(204);
		HttpResponse<String> again = this.fixtures.write(this.token, request);
		assertThat(again.statusCode()).isEqualTo(204);
		assertThat(again.headers().firstValue("X-Prometheus-Remote-Write-Samples-Written")).hasValue("0");
		List<Series> older = MeteringFixtures.node(this.host.ip() + ":9100", this.now - 15_000, 99, 199, 8e9);
		assertThat(this.fixtures.write(this.token, older).statusCode()).isEqualTo(204);
		String stats = stats();
		assertThat(number(stats, "receivedSamples")).isEqualTo(15);
		assertThat(number(stats, "storedSamples")).isEqualTo(4);
		assertThat(number(stats, "duplicateSamples")).isEqualTo(4);
		assertThat(number(stats, "outOfOrderSamples")).isEqualTo(4);
		assertThat(number(stats, "ignoredSamples")).isEqualTo(3);
	}

	@Test
	void versionTwoWithItsSymbolTableAndHeaders() {
		byte[] body = RemoteWriteEncoder
			.snappy(RemoteWriteEncoder.v2(MeteringFixtures.node(this.host.ip() + ":9100", this.now, 1, 2, 8e9)));
		HttpResponse<String> written = this.fixtures.send("Bearer " + this.token, V2, "snappy", body);
		assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
		assertThat(written.headers().firstValue("X-Prometheus-Remote-Write-Samples-Written")).hasValue("4");
		assertThat(written.headers().firstValue("X-Prometheus-Remote-Write-Histograms-Written")).hasValue("0");
	}

	@Test
	void basicAuthWithTheTokenAsPasswordAndWrongCredentials() {
		byte[] body = RemoteWriteEncoder.snappy(RemoteWriteEncoder.v1(List.of(gauge(this.now, 0.5))));
		String basic = "Basic " + java.util.Base64.getEncoder()
			.encodeToString(("prometheus:" + this.token).getBytes(StandardCharsets.UTF_8));
		assertThat(this.fixtures.send(basic, V1, "snappy", body).statusCode()).isEqualTo(204);
		assertThat(this.fixtures.send(null, V1, "snappy", body).statusCode()).isEqualTo(401);
		HttpResponse<String> wrong = this.fixtures.send("Bearer gcm_wrong", V1, "snappy", body);
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).contains("credential");
		List<String> ids = JsonPath.read(
				TestClient.signedIn(this.port, "manager").getJson("/api/v1/metering/credentials").body(),
				"$[?(@.supplierId == '" + this.supplier + "')].id");
		String id = ids.get(0);
		TestClient manager = TestClient.signedIn(this.port, "manager");
		assertThat(manager.delete("/api/v1/metering/credentials/" + id).statusCode()).isEqualTo(204);
		assertThat(this.fixtures.send("Bearer " + this.token, V1, "snappy", body).statusCode()).isEqualTo(401);
		assertThat(TestClient.signedIn(this.port, "operator")
			.postJson("/api/v1/metering/credentials", "{\"supplierId\":\"" + this.supplier + "\",\"label\":\"x\"}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void unsupportedTypesAndEncodingsAre415() {
		byte[] body = RemoteWriteEncoder.snappy(RemoteWriteEncoder.v1(List.of(gauge(this.now, 0.5))));
		assertThat(this.fixtures.send("Bearer " + this.token, "application/json", "snappy", body).statusCode())
			.isEqualTo(415);
		assertThat(this.fixtures
			.send("Bearer " + this.token, "application/x-protobuf;proto=io.prometheus.write.v9.Request", "snappy", body)
			.statusCode()).isEqualTo(415);
		HttpResponse<String> gzip = this.fixtures.send("Bearer " + this.token, V1, "gzip", body);
		assertThat(gzip.statusCode()).isEqualTo(415);
		assertThat(gzip.body()).contains("snappy");
	}

	@Test
	void bodiesThatAreNotSnappyBlockProtobufAre400AndOversizedOnes413() {
		HttpResponse<String> notSnappy = this.fixtures.send("Bearer " + this.token, V1, "snappy",
				"this is not snappy at all".getBytes(StandardCharsets.UTF_8));
		assertThat(notSnappy.statusCode()).isEqualTo(400);
		assertThat(notSnappy.body()).contains("snappy");
		byte[] garbage = RemoteWriteEncoder.snappy(new byte[] { 0x0a, 0x7f, 0x01, 0x02, (byte) 0xff, (byte) 0xff });
		HttpResponse<String> notProtobuf = this.fixtures.send("Bearer " + this.token, V1, "snappy", garbage);
		assertThat(notProtobuf.statusCode()).isEqualTo(400);
		assertThat(notProtobuf.body()).contains("not a valid prometheus.WriteRequest");
		byte[] framed = { (byte) 0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59, 0x01, 0x05, 0x00, 0x00,
				0x00, 0x00, 0x00, 0x00, 0x00 };
		HttpResponse<String> stream = this.fixtures.send("Bearer " + this.token, V1, "snappy", framed);
		assertThat(stream.statusCode()).isEqualTo(400);
		assertThat(stream.body()).contains("framed");
		// a snappy header declaring 1 GiB: refused before anything is decompressed
		byte[] huge = { (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04, 0x00, 0x00 };
		HttpResponse<String> tooLarge = this.fixtures.send("Bearer " + this.token, V1, "snappy", huge);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(number(stats(), "receivedSamples")).isZero();
	}

	@Test
	void invalidSeriesAndValuesAre400WhileValidSeriesAreStored() {
		List<Series> request = new ArrayList<>();
		request.add(gauge(this.now, 0.5));
		request.add(Series.of("instance", this.host.ip(), "__name__", "govcloud_memory_utilisation_ratio")
			.sample(this.now, 0.1));
		request.add(Series.of("__name__", "govcloud_memory_utilisation_ratio", "instance", this.host.ip(), "job", "")
			.sample(this.now, 0.1));
		request.add(Series
			.of("__name__", "govcloud_memory_utilisation_ratio", "instance", this.host.ip(), "instance", this.host.ip())
			.sample(this.now, 0.1));
		request
			.add(Series.of("__name__", "govcloud_disk_utilisation_ratio", "instance", this.host.ip(), "mountpoint", "/")
				.sample(this.now, Double.NaN)
				.sample(this.now + 1, Double.POSITIVE_INFINITY)
				.sample(this.now + 2, Double.longBitsToDouble(0x7ff0000000000002L))
				.sample(System.currentTimeMillis() + 3_600_000, 0.3));
		HttpResponse<String> written = this.fixtures.write(this.token, request);
		assertThat(written.statusCode()).isEqualTo(400);
		assertThat(written.body()).contains("not sorted", "empty value", "repeated", "NaN", "Infinity",
				"too far in the future");
		assertThat(written.headers().firstValue("X-Prometheus-Remote-Write-Samples-Written")).hasValue("1");
		String stats = stats();
		assertThat(number(stats, "receivedSamples")).isEqualTo(8);
		assertThat(number(stats, "storedSamples")).isEqualTo(1);
		assertThat(number(stats, "ignoredSamples")).as("the stale marker").isEqualTo(1);
		assertThat(number(stats, "rejectedSamples")).isEqualTo(6);
	}

	@Test
	void anotherSuppliersInstanceAnswersExactlyAsAnUnknownHostAndStoresNothing() {
		Host others = this.fixtures.host(this.fixtures.organizationOf("unitadmin"), this.fixtures.newSupplier());
		this.matcher.refresh();
		HttpResponse<String> theirs = this.fixtures.write(this.token,
				List.of(gauge(this.now, 0.5),
						Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", others.ip() + ":9100")
							.sample(this.now, 0.9)));
		HttpResponse<String> unknown = this.fixtures.write(this.token,
				List.of(Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", "10.253.0.9:9100")
					.sample(this.now, 0.9)));
		assertThat(theirs.statusCode()).isEqualTo(204).isEqualTo(unknown.statusCode());
		assertThat(theirs.body()).isEmpty();
		assertThat(theirs.body()).doesNotContain("another", others.ip());
		String stats = stats();
		assertThat(number(stats, "storedSamples")).as("only our own host's sample").isEqualTo(1);
		assertThat(number(stats, "rejectedSamples")).isZero();
		assertThat(number(stats, "unmatchedSamples")).isEqualTo(2);
		String unregistered = TestClient.signedIn(this.port, "manager")
			.getJson("/api/v1/metering/unregistered?supplierId=" + this.supplier)
			.body();
		assertThat(JsonPath.<List<String>>read(unregistered, "$[*].matchValue")).contains(others.ip(), "10.253.0.9");
	}

	@Test
	void seriesMatchByCloudInstanceIdOrNameAndTheRestAreListedAsUnregistered() {
		Series byCloudId = Series
			.of("__name__", "govcloud_cpu_utilisation_ratio", "govcloud_instance_id", this.host.cloudId(), "instance",
					"whatever:1")
			.sample(this.now, 0.2);
		Series byName = Series
			.of("__name__", "govcloud_memory_utilisation_ratio", "instance", this.host.name() + ":9100")
			.sample(this.now, 0.3);
		Series unknown = Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", "10.254.0.1:9100")
			.sample(this.now, 0.4)
			.sample(this.now + 1000, 0.4);
		assertThat(this.fixtures.write(this.token, List.of(byCloudId, byName, unknown)).statusCode()).isEqualTo(204);
		String stats = stats();
		assertThat(number(stats, "storedSamples")).isEqualTo(2);
		assertThat(number(stats, "unmatchedSamples")).isEqualTo(2);
		String unregistered = TestClient.signedIn(this.port, "manager")
			.getJson("/api/v1/metering/unregistered?supplierId=" + this.supplier)
			.body();
		assertThat(JsonPath.<List<String>>read(unregistered, "$[*].matchValue")).containsExactly("10.254.0.1");
		assertThat(JsonPath.<List<Integer>>read(unregistered, "$[*].samples")).containsExactly(2);
		assertThat(TestClient.signedIn(this.port, "operator").getJson("/api/v1/metering/unregistered").body())
			.doesNotContain("10.254.0.1");
		this.jdbc.sql("INSERT INTO instance_address (instance_id, supplier_id, address) VALUES (:i, :s, '10.254.0.1')")
			.param("i", this.host.id())
			.param("s", this.supplier)
			.update();
		this.matcher.refresh();
		assertThat(this.fixtures.write(this.token, List.of(unknown)).statusCode()).isEqualTo(204);
		String registered = stats();
		assertThat(number(registered, "unmatchedSamples")).as("the held samples released (ADR 0036)").isZero();
		assertThat(number(registered, "storedSamples")).as("registered now: 2 + 2 released + 2 resent").isEqualTo(6);
		assertThat(TestClient.signedIn(this.port, "manager")
			.getJson("/api/v1/metering/unregistered?supplierId=" + this.supplier)
			.body()).isEqualTo("[]");
	}

	private Series gauge(long ts, double value) {
		return Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", this.host.ip() + ":9100")
			.sample(ts, value);
	}

	private String stats() {
		HttpResponse<String> stats = TestClient.signedIn(this.port, "manager")
			.getJson("/api/v1/metering/stats?supplierId=" + this.supplier);
		assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
		long received = number(stats.body(), "receivedSamples");
		long parts = number(stats.body(), "storedSamples") + number(stats.body(), "ignoredSamples")
				+ number(stats.body(), "duplicateSamples") + number(stats.body(), "outOfOrderSamples")
				+ number(stats.body(), "rejectedSamples") + number(stats.body(), "unmatchedSamples");
		assertThat(parts).as("received = the sum of the outcomes").isEqualTo(received);
		return stats.body();
	}

	private static long number(String json, String field) {
		return ((Number) JsonPath.read(json, "$." + field)).longValue();
	}

}
