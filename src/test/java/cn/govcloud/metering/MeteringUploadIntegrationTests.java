package cn.govcloud.metering;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.metering.MeteringFixtures.Host;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON and CSV uploads: row-level errors, nothing stored from a bad upload. */
@GovCloudIntegrationTest
class MeteringUploadIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InstanceMatcher matcher;

	UUID supplier;

	Host host;

	String token;

	String at;

	@BeforeEach
	void supplierWithAHost() {
		MeteringFixtures fixtures = new MeteringFixtures(this.jdbc, this.port);
		this.supplier = fixtures.newSupplier();
		this.host = fixtures.host(fixtures.organizationOf("unitadmin2"), this.supplier);
		this.matcher.refresh();
		this.token = fixtures.credential(this.supplier);
		this.at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
	}

	@Test
	void jsonSamplesAreStoredAndABadRowStoresNothing() throws Exception {
		String good = "{\"samples\":[{\"instance\":\"" + this.host.ip() + "\",\"metric\":\"cpu\",\"timestamp\":\""
				+ this.at + "\",\"value\":0.42},{\"instance\":\"" + this.host.cloudId()
				+ "\",\"metric\":\"disk\",\"mountpoint\":\"/data\",\"timestamp\":\"" + this.at + "\",\"value\":0.5}]}";
		HttpResponse<String> stored = post("/api/v1/metering/samples", "application/json", good);
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(stored.body(), "$.stored")).isEqualTo(2);
		String bad = "{\"samples\":[{\"instance\":\"" + this.host.ip() + "\",\"metric\":\"memory\",\"timestamp\":\""
				+ this.at
				+ "\",\"value\":0.3},{\"instance\":\"10.255.255.1\",\"metric\":\"gpu\",\"timestamp\":\"yesterday\","
				+ "\"value\":-1}]}";
		HttpResponse<String> refused = post("/api/v1/metering/samples", "application/json", bad);
		assertThat(refused.statusCode()).isEqualTo(400);
		List<String> fields = JsonPath.read(refused.body(), "$.errors[*].field");
		assertThat(fields).containsExactly("rows[1].instance", "rows[1].metric", "rows[1].timestamp", "rows[1].value");
		assertThat(stats()).as("nothing of the bad upload").isEqualTo(2);
		assertThat(post("/api/v1/metering/samples", "application/json", good).statusCode()).isEqualTo(200);
		assertThat(stats()).as("a resend stores nothing twice").isEqualTo(2);
	}

	@Test
	void csvUploadsNameTheBadRowAndCell() throws Exception {
		String csv = SampleUpload.CSV_HEADER + "\n" + this.host.ip() + ",net_in,eth0," + this.at + ",1200000\n"
				+ this.host.name() + ",memory,," + this.at + ",0.6\n";
		HttpResponse<String> stored = post("/api/v1/metering/samples.csv", "text/csv", csv);
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(stored.body(), "$.stored")).isEqualTo(2);
		HttpResponse<String> refused = post("/api/v1/metering/samples.csv", "text/csv",
				SampleUpload.CSV_HEADER + "\n" + this.host.ip() + ",cpu,," + this.at + ",1.5\n");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("rows[0].value");
		HttpResponse<String> header = post("/api/v1/metering/samples.csv", "text/csv", "a,b\n");
		assertThat((String) JsonPath.read(header.body(), "$.errors[0].field")).isEqualTo("file");
		assertThat(stats()).isEqualTo(2);
	}

	private long stats() {
		String body = TestClient.signedIn(this.port, "manager")
			.getJson("/api/v1/metering/stats?supplierId=" + this.supplier)
			.body();
		return ((Number) JsonPath.read(body, "$.storedSamples")).longValue();
	}

	private HttpResponse<String> post(String path, String type, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Bearer " + this.token)
				.header("Content-Type", type)
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
