package cn.govcloud.metering;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring-ingest page (Art. 8, 12): the Commission's manager issues a supplier's
 * credential (shown once) and revokes it; a host the inventory does not know shows up for
 * the Commission and the supplier; units do not see the page.
 */
@GovCloudIntegrationTest
class IngestPageIntegrationTests {

	private static final Pattern TOKEN = Pattern.compile("id=\"ingest-token\"[^>]*>([^<]+)<");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	MeteringFixtures fixtures;

	UUID supplier;

	@BeforeEach
	void demoSupplier() {
		this.fixtures = new MeteringFixtures(this.jdbc, this.port);
		this.supplier = Scenarios.demoSupplier(this.jdbc);
	}

	@Test
	void theManagerIssuesACredentialThatWorksUntilRevoked() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		String label = "页面签发 " + UUID.randomUUID().toString().substring(0, 6);

		HttpResponse<String> issued = manager.postForm("/metering/ingest/credentials",
				Map.of("supplierId", this.supplier.toString(), "label", label));
		assertThat(issued.statusCode()).isEqualTo(200);
		Matcher token = TOKEN.matcher(issued.body());
		assertThat(token.find()).as(issued.body()).isTrue();
		String host = Scenarios.ip();
		HttpResponse<String> written = this.fixtures.write(token.group(1),
				List.of(RemoteWriteEncoder.Series
					.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", host + ":9100")
					.sample(System.currentTimeMillis() - 60_000, 0.5)));
		assertThat(written.statusCode()).as(written.body()).isEqualTo(204);

		assertThat(manager.get("/metering/ingest").body()).contains(label).contains(host);
		String supplierPage = TestClient.signedIn(this.port, "operator").get("/metering/ingest").body();
		assertThat(supplierPage).contains(label).contains(host).doesNotContain("id=\"issue-credential\"");
		assertThat(manager.get("/metering/ingest").body()).doesNotContain("id=\"ingest-token\"");

		UUID id = this.jdbc.sql("SELECT id FROM metering_credential WHERE label = :label")
			.param("label", label)
			.query(UUID.class)
			.single();
		assertThat(manager.postForm("/metering/ingest/credentials/" + id + "/revoke", Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(this.fixtures.write(token.group(1), List.of()).statusCode()).isEqualTo(401);
	}

	@Test
	void aCredentialNeedsAPurposeAndNothingIsIssuedWithout() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		long before = credentials();

		HttpResponse<String> blank = manager.postForm("/metering/ingest/credentials",
				Map.of("supplierId", this.supplier.toString(), "label", "  "));

		assertThat(blank.statusCode()).isEqualTo(200);
		assertThat(blank.body()).contains("class=\"errors\"").doesNotContain("id=\"ingest-token\"");
		assertThat(credentials()).isEqualTo(before);
	}

	@Test
	void onlyTheManagerIssuesAndUnitsDoNotSeeThePage() {
		assertThat(TestClient.signedIn(this.port, "operator")
			.postForm("/metering/ingest/credentials", Map.of("supplierId", this.supplier.toString(), "label", "x"))
			.statusCode()).isEqualTo(403);
		assertThat(TestClient.signedIn(this.port, "unitadmin").get("/metering/ingest").statusCode()).isEqualTo(403);
	}

	@Test
	void readingTheReportsAgainAndAgainKeepsNoConnection() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		// More calls than the pool has connections: a report that kept one would hang
		// here.
		for (int i = 0; i < 12; i++) {
			assertThat(manager.getJson("/api/v1/metering/unregistered").statusCode()).isEqualTo(200);
			assertThat(manager.get("/metering/ingest").statusCode()).isEqualTo(200);
		}
	}

	private long credentials() {
		return this.jdbc.sql("SELECT count(*) FROM metering_credential").query(Long.class).single();
	}

}
