package cn.govcloud.termination;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Termination and reclamation through the API (Art. 9): apply → review → contract → file
 * → provision → accept → terminate → reclaim, with the inventory, the contract versions
 * and the billed days agreeing at each step. Billed days of an instance run from its
 * acceptance day to its reclaim date, both included; the contract's lines end with an
 * amendment effective the day after the reclaim date.
 */
@GovCloudIntegrationTest
class TerminationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	UUID supplier;

	TestClient operator;

	TestClient reviewer;

	@BeforeEach
	void demoSupplier() {
		this.supplier = Scenarios.demoSupplier(this.jdbc);
		this.operator = TestClient.signedIn(this.port, "operator");
		this.reviewer = TestClient.signedIn(this.port, "reviewer");
	}

	@Test
	void wholeLifecycleAgreesAtEachStep() {
		Accepted accepted = Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 2);
		LocalDate today = CityTime.today();
		assertThat(states(accepted)).containsOnly("ACTIVE");
		String contract = contract(accepted);
		assertThat(contractedAndProvisioned(accepted)).containsExactly(2, 2);
		assertThat((Integer) JsonPath.read(contract, "$.version")).isEqualTo(1);
		List<Integer> quantities = JsonPath.read(contract, "$.lines[*].quantity");
		assertThat(quantities).isNotEmpty().allMatch((q) -> q > 0);
		// Time passes: the hosts were accepted on the 1st of the month.
		LocalDate acceptedOn = today.withDayOfMonth(1);
		this.jdbc.sql("UPDATE instance SET active_from = :from WHERE work_order_id = :order")
			.param("from", java.sql.Date.valueOf(acceptedOn))
			.param("order", UUID.fromString(accepted.orderId()))
			.update();
		String draft = openApplication(accepted);

		HttpResponse<String> unsaid = apply(accepted.unit(), wholeSystem(accepted), Scenarios.PDF);
		assertField(unsaid, "openApplications");
		assertThat(terminations(accepted)).isZero();
		assertThat(evidenceVersions(accepted)).isZero();

		Map<String, String> form = wholeSystem(accepted);
		form.put("openApplications", "WITHDRAW");
		HttpResponse<String> applied = apply(accepted.unit(), form, Scenarios.PDF);
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
		String id = JsonPath.read(applied.body(), "$.id");
		assertThat((String) JsonPath.read(applied.body(), "$.status")).isEqualTo("SUBMITTED");
		assertThat((String) JsonPath.read(applied.body(), "$.withdrawn")).isNotBlank();
		assertThat(applicationStatus(draft)).isEqualTo("WITHDRAWN");
		assertThat(states(accepted)).containsOnly("ACTIVE");

		HttpResponse<String> approved = decide(this.reviewer, id, "{\"decision\":\"APPROVED\"}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(approved.body(), "$.approvedOn")).isEqualTo(today.toString());
		assertThat(states(accepted)).containsOnly("RECLAIMING");
		assertThat(contractedAndProvisioned(accepted)).as("still contracted until reclaimed").containsExactly(2, 2);
		String order = reclaimOrder(accepted);
		assertThat(this.operator.getJson("/api/v1/work-orders?status=OPEN").body()).contains(order).contains("RECLAIM");

		String first = accepted.instanceIds().get(0);
		assertField(reclaim(first, today.plusDays(1)), "reclaimedOn");
		assertField(reclaim(first, today.minusDays(1)), "reclaimedOn");
		HttpResponse<String> reclaimed = reclaim(first, today);
		assertThat(reclaimed.statusCode()).as(reclaimed.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(reclaimed.body(), "$.state")).isEqualTo("RECLAIMED");
		assertField(reclaim(first, today), "instanceId");
		assertThat((Integer) JsonPath.read(contract(accepted), "$.version")).as("amended when the order completes")
			.isEqualTo(1);
		assertThat(contractedAndProvisioned(accepted)).containsExactly(1, 1);
		assertThat(consistency()).isEqualTo("[]");

		assertThat(reclaim(accepted.instanceIds().get(1), today).statusCode()).isEqualTo(200);
		assertThat(states(accepted)).containsOnly("RECLAIMED");
		assertThat(contractedAndProvisioned(accepted)).containsExactly(0, 0);
		String amended = contract(accepted);
		assertThat((Integer) JsonPath.read(amended, "$.version")).isEqualTo(2);
		assertThat((String) JsonPath.read(amended, "$.versions[1].effectiveFrom"))
			.isEqualTo(today.plusDays(1).toString());
		List<Integer> ended = JsonPath.read(amended, "$.lines[*].quantity");
		assertThat(ended).containsOnly(0);
		assertThat(money(amended, "$.totals.monthly")).isZero();
		assertThat(money(amended, "$.totals.term")).as("nothing billed after the reclaim date")
			.isEqualByComparingTo(money(amended, "$.totals.dueToDate"));
		String listed = accepted.unit().getJson("/api/v1/inventory/instances?systemId=" + accepted.systemId()).body();
		List<Integer> billedDays = JsonPath.read(listed, "$.items[*].billedDays");
		assertThat(billedDays).containsOnly((int) ChronoUnit.DAYS.between(acceptedOn, today) + 1);
		assertThat(hostingStatus(accepted)).isEqualTo("OFFLINE");
		Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> JsonPath.read(accepted.unit().getJson("/api/v1/terminations/" + id).body(), "$.status")
				.equals("RECLAIMED"));
		assertThat(consistency()).isEqualTo("[]");
	}

	@Test
	void selectedInstancesEndTheirShareOfTheLinesAndTheSystemStays() {
		Accepted accepted = Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 2);
		List<Integer> before = JsonPath.read(contract(accepted), "$.lines[*].quantity");
		Map<String, String> form = wholeSystem(accepted);
		form.put("wholeSystem", "false");
		form.put("instanceIds", accepted.instanceIds().get(0));
		HttpResponse<String> applied = apply(accepted.unit(), form, Scenarios.PDF);
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
		String id = JsonPath.read(applied.body(), "$.id");
		assertThat(decide(this.reviewer, id, "{\"decision\":\"APPROVED\"}").statusCode()).isEqualTo(200);
		assertThat(reclaim(accepted.instanceIds().get(0), CityTime.today()).statusCode()).isEqualTo(200);
		List<Integer> after = JsonPath.read(contract(accepted), "$.lines[*].quantity");
		for (int i = 0; i < before.size(); i++) {
			assertThat(after.get(i)).isEqualTo(before.get(i) / 2);
		}
		assertThat(states(accepted)).containsExactlyInAnyOrder("ACTIVE", "RECLAIMED");
		assertThat(contractedAndProvisioned(accepted)).containsExactly(1, 1);
		assertThat(hostingStatus(accepted)).isNotEqualTo("OFFLINE");
		assertThat(consistency()).isEqualTo("[]");
	}

	@Test
	void badApplicationsNameTheFieldAndSaveNothing() {
		Accepted accepted = Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 1);
		Map<String, String> empty = new HashMap<>();
		empty.put("systemId", accepted.systemId());
		HttpResponse<String> nothing = apply(accepted.unit(), empty, new byte[0]);
		assertThat(nothing.statusCode()).isEqualTo(400);
		List<String> fields = JsonPath.read(nothing.body(), "$.errors[*].field");
		assertThat(fields).contains("offlineOn", "dataHandling", "dataLocation", "file");
		Map<String, String> future = wholeSystem(accepted);
		future.put("offlineOn", CityTime.today().plusDays(1).toString());
		assertField(apply(accepted.unit(), future, Scenarios.PDF), "offlineOn");
		assertField(apply(accepted.unit(), wholeSystem(accepted), "MZ not a pdf".getBytes()), "file");
		Map<String, String> none = wholeSystem(accepted);
		none.put("wholeSystem", "false");
		assertField(apply(accepted.unit(), none, Scenarios.PDF), "instanceIds");
		Map<String, String> foreign = wholeSystem(accepted);
		foreign.put("wholeSystem", "false");
		foreign.put("instanceIds", UUID.randomUUID().toString());
		assertField(apply(accepted.unit(), foreign, Scenarios.PDF), "instanceIds[0]");
		Map<String, String> badDate = wholeSystem(accepted);
		badDate.put("offlineOn", "yesterday");
		assertField(apply(accepted.unit(), badDate, Scenarios.PDF), "offlineOn");
		assertThat(terminations(accepted)).isZero();
		assertThat(evidenceVersions(accepted)).isZero();
		String id = JsonPath.read(apply(accepted.unit(), wholeSystem(accepted), Scenarios.PDF).body(), "$.id");
		assertField(apply(accepted.unit(), wholeSystem(accepted), Scenarios.PDF), "systemId");
		assertField(decide(this.reviewer, id, "{\"decision\":\"RETURNED\"}"), "reason");
		assertField(decide(this.reviewer, id, "{}"), "decision");
		assertThat(decide(this.reviewer, id, "{\"decision\":\"MAYBE\"}").statusCode()).isEqualTo(400);
		assertThat(decide(TestClient.signedIn(this.port, "unitadmin"), id, "{\"decision\":\"APPROVED\"}").statusCode())
			.isEqualTo(403);
		HttpResponse<String> returned = decide(this.reviewer, id, "{\"decision\":\"RETURNED\",\"reason\":\"证明不全\"}");
		assertThat((String) JsonPath.read(returned.body(), "$.status")).isEqualTo("RETURNED");
		assertThat(states(accepted)).containsOnly("ACTIVE");
		assertThat(reclaim(accepted.instanceIds().get(0), CityTime.today()).statusCode()).isEqualTo(404);
	}

	@Test
	void ofTwoDecisionsAtOnceExactlyOneWins() {
		Accepted accepted = Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 1);
		String id = JsonPath.read(apply(accepted.unit(), wholeSystem(accepted), Scenarios.PDF).body(), "$.id");
		List<TestClient> reviewers = List.of(TestClient.signedIn(this.port, "reviewer"),
				TestClient.signedIn(this.port, "reviewer"));
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			TestClient client = reviewers.get(i);
			String body = (i == 0) ? "{\"decision\":\"APPROVED\"}" : "{\"decision\":\"RETURNED\",\"reason\":\"再议\"}";
			answers.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return decide(client, id, body);
			}));
		}
		start.countDown();
		List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();
		assertThat(responses.stream().map(HttpResponse::statusCode).toList()).containsExactlyInAnyOrder(200, 409);
		HttpResponse<String> loser = responses.stream().filter((r) -> r.statusCode() == 409).findFirst().orElseThrow();
		String winner = JsonPath.read(responses.stream().filter((r) -> r.statusCode() == 200).findFirst().get().body(),
				"$.decidedBy");
		assertThat(loser.body()).contains(winner);
		long orders = this.jdbc.sql("SELECT count(*) FROM work_order WHERE reclaim_request_id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single();
		String status = JsonPath.read(accepted.unit().getJson("/api/v1/terminations/" + id).body(), "$.status");
		assertThat(orders).isEqualTo(status.equals("APPROVED") ? 1 : 0);
	}

	@Test
	void otherUnitsAndOtherSuppliersSeeNothing() {
		Accepted accepted = Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 1);
		String id = JsonPath.read(apply(accepted.unit(), wholeSystem(accepted), Scenarios.PDF).body(), "$.id");
		TestClient otherUnit = TestClient.signedIn(this.port, "unitadmin2");
		assertThat(otherUnit.getJson("/api/v1/terminations/" + id).statusCode()).isEqualTo(404);
		assertThat(otherUnit.getJson("/api/v1/terminations").body()).doesNotContain(id);
		assertThat(apply(otherUnit, wholeSystem(accepted), Scenarios.PDF).statusCode()).isEqualTo(404);
		assertThat(this.operator.getJson("/api/v1/terminations/" + id).statusCode()).isIn(403, 404);
		assertThat(decide(this.reviewer, id, "{\"decision\":\"APPROVED\"}").statusCode()).isEqualTo(200);
		String order = reclaimOrder(accepted);
		assertThat(otherUnit.getJson("/api/v1/work-orders/" + order).statusCode()).isEqualTo(404);
		UUID otherSupplier = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO organization (id, kind, name, created_at) VALUES (:id, 'SUPPLIER', :name, now())")
			.param("id", otherSupplier)
			.param("name", "另一供应商 " + otherSupplier.toString().substring(0, 8))
			.update();
		this.jdbc.sql("UPDATE work_order SET supplier_id = :other WHERE id = :id")
			.param("other", otherSupplier)
			.param("id", UUID.fromString(order))
			.update();
		assertThat(this.operator.getJson("/api/v1/work-orders/" + order).statusCode()).isEqualTo(404);
		assertThat(reclaim(accepted.instanceIds().get(0), CityTime.today()).statusCode()).isEqualTo(404);
	}

	@Test
	void theConsistencyCheckFindsAnInstanceBilledAfterItsReclaimDate() {
		Accepted accepted = Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 1);
		String cloudId = this.jdbc.sql("SELECT cloud_instance_id FROM instance WHERE id = :id")
			.param("id", UUID.fromString(accepted.instanceIds().get(0)))
			.query(String.class)
			.single();
		this.jdbc.sql("UPDATE instance SET state = 'RECLAIMED', reclaimed_on = :on WHERE id = :id")
			.param("on", java.sql.Date.valueOf(CityTime.today()))
			.param("id", UUID.fromString(accepted.instanceIds().get(0)))
			.update();
		try {
			List<String> rules = JsonPath.read(consistency(), "$[?(@.subject == '" + cloudId + "')].rule");
			assertThat(rules).as("one per billed dimension").hasSize(3).containsOnly("BILLED_AFTER_RECLAIM");
		}
		finally {
			this.jdbc.sql("UPDATE instance SET state = 'ACTIVE', reclaimed_on = NULL WHERE id = :id")
				.param("id", UUID.fromString(accepted.instanceIds().get(0)))
				.update();
		}
	}

	private Map<String, String> wholeSystem(Accepted accepted) {
		Map<String, String> form = new HashMap<>();
		form.put("systemId", accepted.systemId());
		form.put("wholeSystem", "true");
		form.put("offlineOn", CityTime.today().toString());
		form.put("dataHandling", "BACKED_UP");
		form.put("dataLocation", "市政务云备份存储 /backup/2026");
		return form;
	}

	private static HttpResponse<String> apply(TestClient unit, Map<String, String> form, byte[] evidence) {
		return unit.postMultipartWithFields("/api/v1/terminations", form, "file", "备份证明.pdf", evidence);
	}

	private static HttpResponse<String> decide(TestClient reviewer, String id, String body) {
		return reviewer.postJson("/api/v1/terminations/" + id + "/decision", body);
	}

	private HttpResponse<String> reclaim(String instance, LocalDate on) {
		return this.operator.postJson("/api/v1/work-orders/instances/" + instance + "/reclaim",
				"{\"reclaimedOn\":\"" + on + "\"}");
	}

	private static void assertField(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		List<String> fields = JsonPath.read(response.body(), "$.errors[*].field");
		assertThat(fields).as(response.body()).contains(field);
	}

	/** The inventory's contracted and provisioned counts of the system's hosts. */
	private static List<Integer> contractedAndProvisioned(Accepted accepted) {
		String systems = accepted.unit().getJson("/api/v1/inventory/systems?systemId=" + accepted.systemId()).body();
		return List.of(JsonPath.read(systems, "$[0].contracted"), JsonPath.read(systems, "$[0].provisioned"));
	}

	private List<String> states(Accepted accepted) {
		return JsonPath.read(
				accepted.unit().getJson("/api/v1/inventory/instances?systemId=" + accepted.systemId()).body(),
				"$.items[*].state");
	}

	private String contract(Accepted accepted) {
		HttpResponse<String> contract = accepted.unit().getJson("/api/v1/contracts/" + accepted.contractId());
		assertThat(contract.statusCode()).isEqualTo(200);
		return contract.body();
	}

	private static BigDecimal money(String json, String path) {
		return new BigDecimal(JsonPath.read(json, path).toString());
	}

	private String hostingStatus(Accepted accepted) {
		return JsonPath.read(accepted.unit().getJson("/api/v1/systems/" + accepted.systemId()).body(),
				"$.hostingStatus");
	}

	private String reclaimOrder(Accepted accepted) {
		return this.jdbc.sql("SELECT id::text FROM work_order WHERE system_id = :system AND kind = 'RECLAIM'")
			.param("system", UUID.fromString(accepted.systemId()))
			.query(String.class)
			.single();
	}

	private String consistency() {
		HttpResponse<String> found = this.reviewer.getJson("/api/v1/inventory/consistency");
		assertThat(found.statusCode()).isEqualTo(200);
		return found.body();
	}

	private long terminations(Accepted accepted) {
		return this.jdbc.sql("SELECT count(*) FROM termination WHERE system_id = :system")
			.param("system", UUID.fromString(accepted.systemId()))
			.query(Long.class)
			.single();
	}

	private long evidenceVersions(Accepted accepted) {
		return this.jdbc
			.sql("SELECT count(*) FROM system_document WHERE system_id = :system AND purpose = 'BACKUP_EVIDENCE'")
			.param("system", UUID.fromString(accepted.systemId()))
			.query(Long.class)
			.single();
	}

	/** A draft resource application of the system, still open. */
	private String openApplication(Accepted accepted) {
		HttpResponse<String> drafted = accepted.unit()
			.postJson("/api/v1/applications",
					"{\"systemId\":\"" + accepted.systemId()
							+ "\",\"planVersion\":1,\"lines\":[{\"kind\":\"CLOUD_STORAGE\",\"spec\":{\"storageType\":"
							+ "\"块存储 block\",\"capacityGib\":500},\"quantity\":1,\"justification\":\"数据\"}]}");
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		return JsonPath.read(drafted.body(), "$.id");
	}

	private String applicationStatus(String id) {
		return this.jdbc.sql("SELECT status FROM resource_application WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single();
	}

}
