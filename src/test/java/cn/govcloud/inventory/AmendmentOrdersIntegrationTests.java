package cn.govcloud.inventory;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amendments change what the supplier runs (Art. 4, 9): one that removes resources opens
 * a reclaim order for the surplus (billing already ended by the amendment, so the reclaim
 * does not amend again); one that adds resources opens a provisioning order for the
 * difference.
 */
@GovCloudIntegrationTest
class AmendmentOrdersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void removingResourcesReclaimsAndAddingThemBackProvisions() {
		UUID supplier = Scenarios.demoSupplier(this.jdbc);
		Accepted accepted = Scenarios.acceptedHosts(this.port, this.jdbc, supplier, 2);
		TestClient operator = TestClient.signedIn(this.port, "operator");
		LocalDate today = CityTime.today();
		String contract = accepted.unit().getJson("/api/v1/contracts/" + accepted.contractId()).body();
		List<Integer> positions = JsonPath.read(contract, "$.lines[*].position");
		List<Integer> quantities = JsonPath.read(contract, "$.lines[*].quantity");

		assertThat(amend(accepted, today, positions, quantities, 2).statusCode()).isEqualTo(200);
		UUID reclaim = awaitOrder(accepted, "RECLAIM", 2);
		List<UUID> reclaiming = this.jdbc.sql("SELECT id FROM instance WHERE reclaim_order_id = :order")
			.param("order", reclaim)
			.query(UUID.class)
			.list();
		assertThat(reclaiming).hasSize(1);
		HttpResponse<String> reclaimed = operator.postJson(
				"/api/v1/work-orders/instances/" + reclaiming.get(0) + "/reclaim",
				"{\"reclaimedOn\":\"" + today + "\"}");
		assertThat(reclaimed.statusCode()).as(reclaimed.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(operator.getJson("/api/v1/work-orders/" + reclaim).body(), "$.status"))
			.isEqualTo("COMPLETED");
		String after = accepted.unit().getJson("/api/v1/contracts/" + accepted.contractId()).body();
		assertThat((Integer) JsonPath.read(after, "$.version")).as("no second amendment").isEqualTo(2);
		assertThat(TestClient.signedIn(this.port, "reviewer").getJson("/api/v1/inventory/consistency").body())
			.isEqualTo("[]");

		assertThat(amend(accepted, today.plusDays(1), positions, quantities, 1).statusCode()).isEqualTo(200);
		UUID provision = awaitOrder(accepted, "PROVISION", 3);
		String order = operator.getJson("/api/v1/work-orders/" + provision).body();
		assertThat((Integer) JsonPath.read(order, "$.lines[0].allowed")).isEqualTo(1);
		String line = JsonPath.read(order, "$.lines[0].id");
		assertThat(operator
			.postJson("/api/v1/work-orders/" + provision + "/lines/" + line + "/instances",
					Scenarios.host(8, Scenarios.ip()))
			.statusCode()).isEqualTo(201);
		assertThat(TestClient.signedIn(this.port, "reviewer").getJson("/api/v1/inventory/consistency").body())
			.as("the increase pays for the new instance, not the reclaimed one")
			.isEqualTo("[]");
	}

	private static HttpResponse<String> amend(Accepted accepted, LocalDate from, List<Integer> positions,
			List<Integer> quantities, int divisor) {
		StringBuilder json = new StringBuilder();
		for (int i = 0; i < positions.size(); i++) {
			json.append((i > 0) ? "," : "")
				.append('"')
				.append(positions.get(i))
				.append("\":")
				.append(quantities.get(i) / divisor);
		}
		return accepted.unit()
			.postJson("/api/v1/contracts/" + accepted.contractId() + "/amendments",
					"{\"effectiveFrom\":\"" + from + "\",\"reason\":\"调整\",\"quantities\":{" + json + "}}");
	}

	private UUID awaitOrder(Accepted accepted, String kind, int version) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.sql("SELECT id FROM work_order WHERE contract_id = :contract AND kind = :kind "
						+ "AND contract_version = :version")
				.param("contract", UUID.fromString(accepted.contractId()))
				.param("kind", kind)
				.param("version", version)
				.query(UUID.class)
				.optional()
				.orElse(null), java.util.Objects::nonNull);
	}

}
