package cn.govcloud.rightsizing;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import cn.govcloud.metering.Metric;
import cn.govcloud.metering.UtilisationHistory;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release order's life (Art. 8): issued from recommendations, the unit told; objected
 * with a reason and modified by the Commission at the recommendation's prices; of two
 * decisions at once one wins and the other is told who; unanswered, it stands after an
 * objection period counted in working days across the National Day holidays; another unit
 * sees nothing of it.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseOrderIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UtilisationHistory history;

	@Autowired
	Recomputation recomputation;

	@Autowired
	ReleaseOrders orders;

	@Autowired
	ReleaseOrderDecisions decisions;

	@Autowired
	DataScopes scopes;

	List<String> recommendations = new ArrayList<>();

	@BeforeAll
	void fourQuietHosts() {
		Accepted hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 4);
		Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(10, ChronoUnit.DAYS);
		List<UtilisationHistory.Series> series = new ArrayList<>();
		for (String id : hosts.instanceIds()) {
			series.add(RightsizingFixtures.flat(UUID.fromString(id), Metric.CPU, start, 0.10));
			series.add(RightsizingFixtures.flat(UUID.fromString(id), Metric.MEMORY, start, 0.20));
		}
		this.history.load(series.iterator());
		this.recomputation.recompute(CityTime.today());
		for (String id : hosts.instanceIds()) {
			this.recommendations.add(this.jdbc
				.sql("SELECT id::text FROM rightsizing_recommendation WHERE instance_id = :id AND computed_on = :on")
				.param("id", UUID.fromString(id))
				.param("on", java.sql.Date.valueOf(CityTime.today()))
				.query(String.class)
				.single());
		}
	}

	@Test
	void theUnitObjectsAndTheCommissionModifiesTheOrderAtTheRecommendationsPrices() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		HttpResponse<String> issued = manager.postForm("/rightsizing/orders",
				Map.of("recommendationIds", this.recommendations.get(0)));
		assertThat(issued.statusCode()).isEqualTo(302);
		String id = issued.headers().firstValue("Location").orElseThrow().replaceAll(".*/orders/", "");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
					WHERE u.username = 'unitadmin' AND n.link = :link
					""").param("link", "/rightsizing/orders/" + id).query(Long.class).single()).as("the unit is told")
				.isEqualTo(1));
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		assertThat(unit.getJson("/api/v1/rightsizing/orders/" + id).body()).contains("\"status\":\"ISSUED\"");
		HttpResponse<String> empty = unit.postJson("/api/v1/rightsizing/orders/" + id + "/objection", "{}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("reason");
		HttpResponse<String> objected = unit.postJson("/api/v1/rightsizing/orders/" + id + "/objection",
				"{\"reason\":\"年底业务高峰\"}");
		assertThat(objected.statusCode()).as(objected.body()).isEqualTo(200);
		assertThat(unit.postJson("/api/v1/rightsizing/orders/" + id + "/accept", "{}").statusCode()).as("answered once")
			.isEqualTo(409);

		HttpResponse<String> modified = manager.postJson("/api/v1/rightsizing/orders/" + id + "/decision",
				"{\"decision\":\"MODIFIED\",\"reason\":\"保留 4 核\",\"lines\":{\"1\":{\"vcpu\":4}}}");
		assertThat(modified.statusCode()).as(modified.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(modified.body(), "$.status")).isEqualTo("MODIFIED");
		assertThat((Integer) JsonPath.read(modified.body(), "$.lines[0].orderedSpec.vcpu")).isEqualTo(4);
		// (8 - 4) x 45.00 + (32 - 11) x 18.00 = 180 + 378 = 558.00
		assertThat(JsonPath.read(modified.body(), "$.lines[0].monthlySaving").toString()).isEqualTo("558.0");
		assertThat((String) JsonPath.read(modified.body(), "$.effectiveOn"))
			.isEqualTo(CityTime.today().plusDays(1).toString());
		assertThat(unit.get("/rightsizing/orders/" + id).body()).contains("558.00", "年底业务高峰", "保留 4 核");

		TestClient other = TestClient.signedIn(this.port, "unitadmin2");
		assertThat(other.getJson("/api/v1/rightsizing/orders/" + id).statusCode()).isEqualTo(404);
		assertThat(other.get("/rightsizing/orders").body()).doesNotContain(id);
		assertThat(other.getJson("/api/v1/rightsizing/orders?size=200").body()).doesNotContain(id);
		assertThat(unit.getJson("/api/v1/rightsizing/orders?status=MODIFIED&size=200").body()).contains(id);
		assertThat(other.get("/rightsizing/savings").statusCode()).as("the city's savings are not a unit's")
			.isEqualTo(403);
	}

	@Test
	void ofTwoDecisionsOnAnObjectionOneWinsAndTheOtherIsToldWho() throws Exception {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		String id = JsonPath.read(manager
			.postJson("/api/v1/rightsizing/orders", "{\"recommendationIds\":[\"" + this.recommendations.get(1) + "\"]}")
			.body(), "$.id");
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.postJson("/api/v1/rightsizing/orders/" + id + "/objection", "{\"reason\":\"仍需要\"}")
			.statusCode()).isEqualTo(200);
		TestClient second = TestClient.signedIn(this.port, "manager");
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (String[] decision : List.of(new String[] { "UPHELD", "维持" }, new String[] { "WITHDRAWN", "撤回" })) {
			TestClient client = decision[0].equals("UPHELD") ? manager : second;
			answers.add(CompletableFuture.supplyAsync(() -> {
				RightsizingFixtures.await(go);
				return client.postJson("/api/v1/rightsizing/orders/" + id + "/decision",
						"{\"decision\":\"" + decision[0] + "\",\"reason\":\"" + decision[1] + "\"}");
			}));
		}
		go.countDown();
		List<Integer> codes = answers.stream().map((a) -> a.join().statusCode()).sorted().toList();
		assertThat(codes).containsExactly(200, 409);
		String loser = answers.stream()
			.map(CompletableFuture::join)
			.filter((a) -> a.statusCode() == 409)
			.findFirst()
			.orElseThrow()
			.body();
		assertThat(loser).as("the loser is told who decided first").contains("经信委主管 李强", "SF");
		assertThat(this.jdbc.sql("SELECT count(*) FROM rightsizing_order_event WHERE order_id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).as("issued, objected and one decision").isEqualTo(3);
	}

	@Test
	void anUnansweredOrderStandsAfterTenWorkingDaysCountedAcrossTheNationalDayHolidays() {
		// issued Wednesday 30 September 2026; 1-7 October are holidays, Saturday 10
		// October
		// is worked: 8, 9, 10, 12, 13, 14, 15, 16, 19, 20 October
		ReleaseOrder order = this.orders.issue(manager(), List.of(UUID.fromString(this.recommendations.get(2))),
				LocalDate.of(2026, 9, 30));
		assertThat(order.objectionDue()).isEqualTo(LocalDate.of(2026, 10, 20));
		this.decisions.lapseDue(LocalDate.of(2026, 10, 20));
		assertThat(this.orders.find(manager(), order.id()).status()).isEqualTo(OrderStatus.ISSUED);
		this.decisions.lapseDue(LocalDate.of(2026, 10, 21));
		ReleaseOrder lapsed = this.orders.find(manager(), order.id());
		assertThat(lapsed.status()).isEqualTo(OrderStatus.LAPSED);
		assertThat(lapsed.effectiveOn()).isEqualTo(LocalDate.of(2026, 10, 22));
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.postJson("/api/v1/rightsizing/orders/" + order.id() + "/accept", "{}")
			.statusCode()).as("too late to answer").isEqualTo(409);
	}

	@Test
	void anInstanceIsInOneOrderAtATimeAndOnlyTheManagerIssues() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		String body = "{\"recommendationIds\":[\"" + this.recommendations.get(3) + "\"]}";
		assertThat(
				TestClient.signedIn(this.port, "unitadmin").postJson("/api/v1/rightsizing/orders", body).statusCode())
			.isEqualTo(403);
		assertThat(manager.postJson("/api/v1/rightsizing/orders", body).statusCode()).isEqualTo(201);
		HttpResponse<String> again = manager.postJson("/api/v1/rightsizing/orders", body);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("recommendationIds");
	}

	private cn.govcloud.shared.DataScope manager() {
		UUID commission = this.jdbc.sql("SELECT id FROM organization WHERE kind = 'COMMISSION'")
			.query(UUID.class)
			.single();
		UUID user = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'manager'").query(UUID.class).single();
		return this.scopes.of(new GovCloudPrincipal(user, "manager", "经理", commission, "市经信委",
				OrganizationKind.COMMISSION, Set.of(Role.COMMISSION_MANAGER), false));
	}

}
