package cn.govcloud.assessment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Commission's rules per year as versions, stored adjustments, and the supplier's
 * objection and the Commission's final decision (Art. 19), through the API: bad rules
 * named field by field with nothing saved; a score computed by hand; the objection within
 * its period; of two final decisions at once exactly one wins; a final assessment keeps
 * its rules version, score and ratio when the rules change.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentDecisionIntegrationTests {

	static final int YEAR = 2027;

	static final String RULES = """
			{"serviceResponse":50,"satisfaction":25,"quality":25,
			 "indicators":[{"source":"FIRST_RESPONSE","dimension":"SERVICE_RESPONSE","weight":100,"zeroAt":50,"fullAt":100},
			               {"source":"SURVEYS","dimension":"SATISFACTION","weight":100,"zeroAt":2,"fullAt":5},
			               {"source":"P1_FAULTS","dimension":"QUALITY","weight":50,"zeroAt":4,"fullAt":0},
			               {"source":"OBLIGATIONS_ON_TIME","dimension":"QUALITY","weight":50,"zeroAt":80,"fullAt":100}],
			 "bands":[{"minScore":85,"maxScore":100,"ratioPercent":100,"continues":true},
			          {"minScore":60,"maxScore":85,"ratioPercent":90,"continues":true},
			          {"minScore":0,"maxScore":60,"ratioPercent":70,"continues":false}]}
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	UUID supplier;

	String path;

	@BeforeAll
	void aContractRunningIntoTheYearAndASurveyOfItsUnit() {
		this.supplier = Scenarios.demoSupplier(this.jdbc);
		// the contract runs 2026-03-01 to 2027-02-28: its unit is served in 2027
		Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 1);
		HttpResponse<String> opened = TestClient.signedIn(this.port, "manager").postJson("/api/v1/surveys", """
				{"year":%d,"half":null,"title":"考核满意度","questions":["响应是否及时？","问题是否解决？"]}
				""".formatted(YEAR));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		String survey = JsonPath.read(opened.body(), "$.id");
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.postJson("/api/v1/surveys/" + survey + "/responses", "{\"answers\":[5,4]}")
			.statusCode()).isEqualTo(201);
		this.path = "/api/v1/assessment/" + YEAR + "/suppliers/" + this.supplier;
	}

	@Test
	void badRulesAreNamedFieldByFieldAndNothingIsSaved() {
		long before = count("SELECT count(*) FROM assessment_rules WHERE year = 2031");
		HttpResponse<String> refused = TestClient.signedIn(this.port, "manager")
			.putJson("/api/v1/assessment/2031/rules",
					RULES.replace("\"quality\":25", "\"quality\":-25")
						.replace("\"source\":\"SURVEYS\"", "\"source\":\"CPU\"")
						.replace("\"minScore\":60,\"maxScore\":85", "\"minScore\":60,\"maxScore\":90"));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("quality", "indicators[1].source", "bands[0].minScore");
		assertThat(count("SELECT count(*) FROM assessment_rules WHERE year = 2031")).isEqualTo(before);
		assertThat(count("SELECT count(*) FROM assessment_rule_indicator WHERE year = 2031")).isZero();
		assertThat(
				TestClient.signedIn(this.port, "reviewer").putJson("/api/v1/assessment/2031/rules", RULES).statusCode())
			.as("the reviewer reads, the manager configures")
			.isEqualTo(403);
		HttpResponse<String> first = TestClient.signedIn(this.port, "manager")
			.putJson("/api/v1/assessment/2031/rules", RULES);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		HttpResponse<String> second = TestClient.signedIn(this.port, "manager")
			.putJson("/api/v1/assessment/2031/rules", RULES.replace("\"serviceResponse\":50", "\"serviceResponse\":40")
				.replace("\"quality\":25", "\"quality\":35"));
		assertThat(JsonPath.<Integer>read(second.body(), "$.version"))
			.isEqualTo(JsonPath.<Integer>read(first.body(), "$.version") + 1);
		String version1 = TestClient.signedIn(this.port, "reviewer")
			.getJson("/api/v1/assessment/2031/rules/" + JsonPath.read(first.body(), "$.version"))
			.body();
		assertThat(JsonPath.<Integer>read(version1, "$.dimensionWeights.QUALITY")).isEqualTo(25);
	}

	@Test
	void theCommissionAdjustsIssuesTheSupplierObjectsInTimeAndOneOfTwoFinalDecisionsWins() throws Exception {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		TestClient supplierManager = TestClient.signedIn(this.port, "suppliermgr");
		HttpResponse<String> saved = manager.putJson("/api/v1/assessment/" + YEAR + "/rules", RULES);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		int version = JsonPath.read(saved.body(), "$.version");

		// an adjustment needs a reason and is audited
		HttpResponse<String> noReason = manager.postJson(this.path + "/adjustments",
				"{\"points\":1.5,\"reason\":\" \"}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason");
		long audited = count("SELECT count(*) FROM audit_event WHERE action = 'assessment.adjust'");
		assertThat(
				manager.postJson(this.path + "/adjustments", "{\"points\":1.5,\"reason\":\"重大活动保障表现突出\"}").statusCode())
			.isEqualTo(201);
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'assessment.adjust'")).isEqualTo(audited + 1);

		// Only the surveys have data in 2027 (answers 5 and 4: 4.5): (4.5 − 2) / 3 →
		// 83.33 points, satisfaction carries the whole weight; + 1.5 = 84.83 → 60–85, 90
		// %.
		String draft = manager.getJson(this.path).body();
		assertThat(JsonPath.<Integer>read(draft, "$.rulesVersion")).isEqualTo(version);
		assertThat(JsonPath.<Double>read(draft, "$.score.computed")).isCloseTo(250.0 / 3, within(1e-6));
		assertThat(JsonPath.<Double>read(draft, "$.score.total")).isCloseTo(250.0 / 3 + 1.5, within(1e-6));
		assertThat(JsonPath.<Integer>read(draft, "$.ratioPercent")).isEqualTo(90);
		assertThat(JsonPath.<List<Object>>read(draft, "$.records.SURVEYS.rows")).isNotEmpty();

		// issued: objections for 10 working days; finalising before then is refused
		HttpResponse<String> issued = manager.postJson(this.path + "/issue", "{}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		assertThat(manager.postJson(this.path + "/issue", "{}").statusCode()).isEqualTo(409);
		HttpResponse<String> early = manager.postJson(this.path + "/finalisation", "{\"text\":\"维持\"}");
		assertThat(early.statusCode()).as(early.body()).isEqualTo(400);

		// late: the period is over
		String due = JsonPath.read(issued.body(), "$.objectionDue");
		this.jdbc.sql("UPDATE assessment SET objection_due = current_date - 1 WHERE year = :y AND supplier_id = :s")
			.param("y", YEAR)
			.param("s", this.supplier)
			.update();
		assertThat(supplierManager.postJson(this.path + "/objection", "{\"text\":\"满意度样本过少\"}").statusCode())
			.isEqualTo(400);
		this.jdbc.sql("UPDATE assessment SET objection_due = :due::date WHERE year = :y AND supplier_id = :s")
			.param("due", due)
			.param("y", YEAR)
			.param("s", this.supplier)
			.update();

		// the supplier objects, with reasons, once; the operator may not
		assertThat(TestClient.signedIn(this.port, "operator")
			.postJson(this.path + "/objection", "{\"text\":\"x\"}")
			.statusCode()).isEqualTo(403);
		assertThat(supplierManager.postJson(this.path + "/objection", "{\"text\":\" \"}").statusCode()).isEqualTo(400);
		HttpResponse<String> objected = supplierManager.postJson(this.path + "/objection", "{\"text\":\"满意度样本过少\"}");
		assertThat(objected.statusCode()).as(objected.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(objected.body(), "$.status")).isEqualTo("OBJECTED");
		assertThat(supplierManager.postJson(this.path + "/objection", "{\"text\":\"再次\"}").statusCode()).isEqualTo(409);
		assertThat(manager.postJson(this.path + "/finalisation", "{}").statusCode()).as("an answer is needed")
			.isEqualTo(400);

		// two final decisions at once: exactly one wins
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> decisions = new ArrayList<>();
		for (String answer : List.of("样本符合规定，维持", "维持原评分")) {
			TestClient client = TestClient.signedIn(this.port, "manager");
			decisions.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return client.postJson(this.path + "/finalisation", "{\"text\":\"" + answer + "\"}").statusCode();
			}));
		}
		start.countDown();
		List<Integer> statuses = decisions.stream().map(CompletableFuture::join).sorted().toList();
		assertThat(statuses).containsExactly(200, 409);
		assertThat(count("SELECT count(*) FROM assessment_event e JOIN assessment a ON a.id = e.assessment_id "
				+ "WHERE a.year = " + YEAR + " AND e.action = 'finalised'"))
			.isEqualTo(1);

		// final: fixed against new rules and new adjustments
		assertThat(manager
			.putJson("/api/v1/assessment/" + YEAR + "/rules",
					RULES.replace("\"zeroAt\":2,\"fullAt\":5", "\"zeroAt\":1,\"fullAt\":5"))
			.statusCode()).isEqualTo(201);
		assertThat(manager.postJson(this.path + "/adjustments", "{\"points\":-3,\"reason\":\"迟报\"}").statusCode())
			.isEqualTo(409);
		String finalised = supplierManager.getJson(this.path).body();
		assertThat(JsonPath.<String>read(finalised, "$.issued.status")).isEqualTo("FINAL");
		assertThat(JsonPath.<Integer>read(finalised, "$.rulesVersion")).isEqualTo(version);
		assertThat(JsonPath.<Double>read(finalised, "$.score.total")).isCloseTo(250.0 / 3 + 1.5, within(1e-6));
		assertThat(JsonPath.<Integer>read(finalised, "$.ratioPercent")).isEqualTo(90);
		assertThat(JsonPath.<Boolean>read(finalised, "$.continues")).isTrue();
		List<Object> fees = JsonPath.read(finalised, "$.contracts[*].fees");
		List<Object> dues = JsonPath.read(finalised, "$.contracts[*].due");
		assertThat(fees).isNotEmpty();
		for (int i = 0; i < fees.size(); i++) {
			assertThat(new java.math.BigDecimal(dues.get(i).toString()))
				.isEqualByComparingTo(PaymentTable.dueAtRatio(new java.math.BigDecimal(fees.get(i).toString()), 90));
		}
	}

	@Test
	void aSupplierObjectsOnlyToItsOwnAndReadsOnlyItsOwn() {
		HttpResponse<String> registered = TestClient.signedIn(this.port, "sysadmin")
			.postJson("/api/v1/organizations",
					"{\"kind\":\"SUPPLIER\",\"name\":\"第三运维公司 " + UUID.randomUUID().toString().substring(0, 6) + "\"}");
		UUID other = UUID.fromString(JsonPath.read(registered.body(), "$.id"));
		TestClient manager = TestClient.signedIn(this.port, "manager");
		String otherPath = "/api/v1/assessment/2029/suppliers/" + other;
		assertThat(manager.postJson(otherPath + "/issue", "{}").statusCode()).isEqualTo(201);
		TestClient supplierManager = TestClient.signedIn(this.port, "suppliermgr");
		assertThat(supplierManager.postJson(otherPath + "/objection", "{\"text\":\"不是我的\"}").statusCode())
			.isEqualTo(404);
		assertThat(supplierManager.getJson(otherPath).statusCode()).isEqualTo(404);
		String page = supplierManager.get("/assessment?year=2029&supplierId=" + other).body();
		assertThat(page).doesNotContain(other.toString()).contains("宜兴政务云服务有限公司");
		assertThat(
				supplierManager.postJson(otherPath + "/adjustments", "{\"points\":5,\"reason\":\"自评\"}").statusCode())
			.isEqualTo(403);
		// no score: nothing to finalise
		this.jdbc.sql("UPDATE assessment SET objection_due = current_date - 1 WHERE year = 2029 AND supplier_id = :s")
			.param("s", other)
			.update();
		HttpResponse<String> empty = manager.postJson(otherPath + "/finalisation", "{}");
		assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
