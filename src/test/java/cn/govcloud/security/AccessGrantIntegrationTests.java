package cn.govcloud.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access only with the unit's authorisation (Art. 17) on a real GovCloud: the supplier
 * asks, the security officer approves a narrower window, the bastion host's sessions are
 * checked against it — a violation is told to the unit and the Commission and audited —
 * one decision wins, emergencies are flagged once, and nobody outside the grant's parties
 * sees it.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessGrantIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccessGrants grants;

	Accepted hosts;

	TestClient operator;

	@BeforeAll
	void aSystemWithTwoActiveHosts() {
		this.hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 2);
		this.operator = TestClient.signedIn(this.port, "operator");
	}

	@Test
	void theOfficerApprovesANarrowerWindowASessionInsideIsCoveredAndOnesOutsideAreViolationsToldAndAudited() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String id = request(this.hosts.instanceIds(), now.minus(Duration.ofHours(3)), now.plus(Duration.ofHours(3)));
		assertThat(notices("unitadmin", "notice.access.requested")).isPositive();
		TestClient officer = TestClient.signedIn(this.port, "officer");
		String first = this.hosts.instanceIds().get(0);
		HttpResponse<String> approved = officer.postJson("/api/v1/access-grants/" + id + "/approve", """
				{"from":"%s","until":"%s","instanceIds":["%s"]}
				""".formatted(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), first));
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(approved.body(), "$.grant.status")).isEqualTo("APPROVED");
		assertThat(notices("operator", "notice.access.approved")).isPositive();

		String inside = session();
		HttpResponse<String> covered = event(first, now.minus(Duration.ofMinutes(30)),
				now.minus(Duration.ofMinutes(10)), inside);
		assertThat(covered.statusCode()).as(covered.body()).isEqualTo(201);
		assertThat((Boolean) JsonPath.read(covered.body(), "$.violation")).isFalse();
		assertThat((String) JsonPath.read(covered.body(), "$.grantId")).isEqualTo(id);

		long unitBefore = notices("unitadmin", "notice.access.violation");
		long commissionBefore = notices("manager", "notice.access.violation");
		String early = session();
		HttpResponse<String> tooEarly = event(first, now.minus(Duration.ofMinutes(61)),
				now.minus(Duration.ofMinutes(50)), early);
		assertThat((Boolean) JsonPath.read(tooEarly.body(), "$.violation")).as("one minute before the window").isTrue();
		String elsewhere = session();
		HttpResponse<String> otherHost = event(this.hosts.instanceIds().get(1), now.minus(Duration.ofMinutes(30)),
				now.minus(Duration.ofMinutes(10)), elsewhere);
		assertThat((Boolean) JsonPath.read(otherHost.body(), "$.violation")).as("an instance not granted").isTrue();
		assertThat(notices("unitadmin", "notice.access.violation")).isEqualTo(unitBefore + 2);
		assertThat(notices("officer", "notice.access.violation")).isPositive();
		assertThat(notices("manager", "notice.access.violation")).isEqualTo(commissionBefore + 2);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'security.access.violation' "
					+ "AND detail LIKE :session")
			.param("session", "%" + early)
			.query(Long.class)
			.single()).isEqualTo(1);

		assertThat(
				event(first, now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(10)), inside).statusCode())
			.as("the same session again")
			.isEqualTo(409);
		String violations = this.hosts.unit().getJson("/api/v1/access-events?violation=true&size=200").body();
		assertThat(violations).contains(early).contains(elsewhere).doesNotContain(inside);
		assertThat(TestClient.signedIn(this.port, "manager")
			.getJson("/api/v1/access-events?violation=true&size=200")
			.body()).contains(early);
	}

	@Test
	void ofTheAdministratorAndTheOfficerDecidingAtOnceOneWinsAndTheOtherIsToldWho() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String id = request(this.hosts.instanceIds().subList(0, 1), now, now.plus(Duration.ofHours(2)));
		TestClient admin = TestClient.signedIn(this.port, "unitadmin");
		TestClient officer = TestClient.signedIn(this.port, "officer");
		Callable<HttpResponse<String>> a = () -> admin.postJson("/api/v1/access-grants/" + id + "/approve", "{}");
		Callable<HttpResponse<String>> b = () -> officer.postJson("/api/v1/access-grants/" + id + "/refuse",
				"{\"reason\":\"窗口太长\"}");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<HttpResponse<String>>> answers = pool.invokeAll(List.of(a, b));
			List<Integer> codes = List.of(answers.get(0).get().statusCode(), answers.get(1).get().statusCode());
			assertThat(codes).containsExactlyInAnyOrder(200, 409);
			String loser = (codes.get(0) == 409) ? answers.get(0).get().body() : answers.get(1).get().body();
			assertThat(loser).containsPattern("已由 (公安局管理员 张伟|公安局安全责任人 陈静) 于 .+ 先行决定");
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM security_access_grant_event WHERE grant_id = :id "
					+ "AND action IN ('APPROVED', 'REFUSED')")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRevokedGrantNoLongerCoversAndTheUnitMayNotRevokeTwice() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String host = this.hosts.instanceIds().get(0);
		String id = request(List.of(host), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
		TestClient admin = TestClient.signedIn(this.port, "unitadmin");
		assertThat(admin.postJson("/api/v1/access-grants/" + id + "/approve", "{}").statusCode()).isEqualTo(200);
		assertThat(admin.postJson("/api/v1/access-grants/" + id + "/revoke", "{}").statusCode()).isEqualTo(400);
		HttpResponse<String> revoked = admin.postJson("/api/v1/access-grants/" + id + "/revoke",
				"{\"reason\":\"工作已完成\"}");
		assertThat((String) JsonPath.read(revoked.body(), "$.grant.status")).isEqualTo("REVOKED");
		assertThat(admin.postJson("/api/v1/access-grants/" + id + "/revoke", "{\"reason\":\"再次\"}").statusCode())
			.isEqualTo(409);
		HttpResponse<String> after = event(host, Instant.now().plusSeconds(5), Instant.now().plusSeconds(65),
				session());
		assertThat((Boolean) JsonPath.read(after.body(), "$.violation")).isTrue();
	}

	@Test
	void emergencyAccessForAP1FaultCoversAtOnceTellsTheUnitAndIsFlaggedOnceWhenNotApprovedInTime() {
		HttpResponse<String> raised = this.hosts.unit().postJson("/api/v1/tickets", """
				{"systemId":"%s","category":"FAULT","priority":"P1","title":"核心业务中断","description":"全部不可用"}
				""".formatted(this.hosts.systemId()));
		String ticket = JsonPath.read(raised.body(), "$.ticket.id");
		String host = this.hosts.instanceIds().get(1);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long told = notices("unitadmin", "notice.access.emergency");
		HttpResponse<String> taken = this.operator.postJson("/api/v1/access-grants", """
				{"instanceIds":["%s"],"kind":"SSH","purpose":"P1 故障抢修","until":"%s","emergency":true,"ticketId":"%s"}
				""".formatted(host, now.plus(Duration.ofHours(4)), ticket));
		assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(taken.body(), "$.grant.status")).isEqualTo("EMERGENCY");
		assertThat(notices("unitadmin", "notice.access.emergency")).isEqualTo(told + 1);
		String id = JsonPath.read(taken.body(), "$.grant.id");
		HttpResponse<String> fixing = event(host, Instant.now().plusSeconds(1), Instant.now().plusSeconds(60),
				session());
		assertThat((Boolean) JsonPath.read(fixing.body(), "$.violation")).isFalse();

		this.jdbc.sql("UPDATE security_access_grant SET created_at = created_at - interval '25 hours' WHERE id = :id")
			.param("id", UUID.fromString(id))
			.update();
		long managerTold = notices("manager", "notice.access.overdue");
		assertThat(this.grants.flagOverdueEmergencies()).isGreaterThanOrEqualTo(1);
		assertThat(this.grants.flagOverdueEmergencies()).isZero();
		assertThat(notices("manager", "notice.access.overdue")).isEqualTo(managerTold + 1);
		assertThat(
				(Boolean) JsonPath.read(this.hosts.unit().getJson("/api/v1/access-grants/" + id).body(), "$.overdue"))
			.isTrue();

		HttpResponse<String> notP1 = this.operator.postJson("/api/v1/access-grants", """
				{"instanceIds":["%s"],"kind":"SSH","purpose":"抢修","until":"%s","emergency":true,"ticketId":"%s"}
				""".formatted(host, now.plus(Duration.ofHours(4)), UUID.randomUUID()));
		assertThat(notP1.statusCode()).isEqualTo(400);
		assertThat(notP1.body()).contains("ticketId");
	}

	@Test
	void anotherUnitAnotherSupplierAndTheAdministratorsSeeNothingOfTheGrant() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String id = request(this.hosts.instanceIds().subList(0, 1), now, now.plus(Duration.ofHours(1)));
		TestClient otherUnit = TestClient.signedIn(this.port, "unitadmin2");
		assertThat(otherUnit.getJson("/api/v1/access-grants/" + id).statusCode()).isEqualTo(404);
		assertThat(otherUnit.getJson("/api/v1/access-grants?size=200").body()).doesNotContain(id);
		assertThat(otherUnit.getJson("/api/v1/access-events?size=200").body())
			.doesNotContain(this.hosts.instanceIds().get(0));
		assertThat(otherUnit.postJson("/api/v1/access-grants/" + id + "/approve", "{}").statusCode()).isEqualTo(404);
		assertThat(TestClient.signedIn(this.port, "unitmember")
			.postJson("/api/v1/access-grants/" + id + "/approve", "{}")
			.statusCode()).as("a unit member reads but does not decide").isEqualTo(403);

		String other = request(this.hosts.instanceIds().subList(0, 1), now, now.plus(Duration.ofHours(1)));
		UUID otherSupplier = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO organization (id, kind, name, created_at) VALUES (?, 'SUPPLIER', ?, now())")
			.params(otherSupplier, "另一供应商 " + otherSupplier.toString().substring(0, 8))
			.update();
		this.jdbc.sql("UPDATE security_access_grant SET supplier_id = ? WHERE id = ?")
			.params(otherSupplier, UUID.fromString(other))
			.update();
		assertThat(this.operator.getJson("/api/v1/access-grants/" + other).statusCode()).isEqualTo(404);
		assertThat(this.operator.getJson("/api/v1/access-grants?size=200").body()).doesNotContain(other).contains(id);
		assertThat(this.hosts.unit().getJson("/api/v1/access-grants/" + other).statusCode()).isEqualTo(200);

		for (String administrator : List.of("sysadmin", "secadmin", "auditadmin")) {
			TestClient admin = TestClient.signedIn(this.port, administrator);
			assertThat(admin.getJson("/api/v1/access-grants").statusCode()).isEqualTo(403);
			assertThat(admin.getJson("/api/v1/access-events").statusCode()).isEqualTo(403);
		}
		assertThat(this.hosts.unit().postJson("/api/v1/access-grants", "{}").statusCode()).isEqualTo(403);
		assertThat(TestClient.signedIn(this.port, "officer").postJson("/api/v1/access-events", "{}").statusCode())
			.isEqualTo(403);
	}

	@Test
	void aBastionCsvIsImportedWholeOrNotAtAllAndASessionImportedAgainIsKeptOnce() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String host = this.hosts.instanceIds().get(0);
		String id = request(List.of(host), now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)));
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.postJson("/api/v1/access-grants/" + id + "/approve", "{}")
			.statusCode()).isEqualTo(200);
		String name = this.jdbc.sql("SELECT name FROM instance WHERE id = :id")
			.param("id", UUID.fromString(host))
			.query(String.class)
			.single();
		String covered = session();
		String uncovered = session();
		String csv = "person,instance,started_at,ended_at,source_address,session_id\n" + "ops-sun," + name + ","
				+ now.minus(Duration.ofMinutes(30)) + "," + now.minus(Duration.ofMinutes(20)) + ",10.8.0.5," + covered
				+ "\n" + "ops-sun," + host + "," + now.minus(Duration.ofHours(3)) + ","
				+ now.minus(Duration.ofMinutes(150)) + ",10.8.0.5," + uncovered + "\n";
		HttpResponse<String> imported = this.operator.postMultipart("/api/v1/access-events/import", "file",
				"bastion.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat((Map<String, Object>) JsonPath.read(imported.body(), "$")).containsEntry("recorded", 2)
			.containsEntry("duplicates", 0)
			.containsEntry("violations", 1);
		HttpResponse<String> again = this.operator.postMultipart("/api/v1/access-events/import", "file", "bastion.csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat((Integer) JsonPath.read(again.body(), "$.duplicates")).isEqualTo(2);

		long before = this.jdbc.sql("SELECT count(*) FROM security_access_event").query(Long.class).single();
		String bad = csv.replace(covered, session()).replace(uncovered, session()) + "ops,nosuchhost,"
				+ now.minus(Duration.ofMinutes(5)) + "," + now + ",10.8.0.5," + session() + "\n";
		HttpResponse<String> refused = this.operator.postMultipart("/api/v1/access-events/import", "file",
				"bastion.csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("rows[4].instance");
		assertThat(this.jdbc.sql("SELECT count(*) FROM security_access_event").query(Long.class).single())
			.isEqualTo(before);
	}

	@Test
	void badInputIsNamedFieldByFieldAndNothingIsSaved() {
		long before = this.jdbc.sql("SELECT count(*) FROM security_access_grant").query(Long.class).single();
		HttpResponse<String> empty = this.operator.postJson("/api/v1/access-grants", "{}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("from").contains("until").contains("purpose").contains("kind");
		Instant now = Instant.now();
		HttpResponse<String> tooLong = this.operator.postJson("/api/v1/access-grants", """
				{"instanceIds":["%s"],"kind":"SSH","purpose":"巡检","from":"%s","until":"%s"}
				""".formatted(this.hosts.instanceIds().get(0), now, now.plus(Duration.ofHours(73))));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("until").contains("72");
		HttpResponse<String> noInstance = this.operator.postJson("/api/v1/access-grants", """
				{"instanceIds":["%s"],"kind":"SSH","purpose":"巡检","from":"%s","until":"%s"}
				""".formatted(UUID.randomUUID(), now, now.plus(Duration.ofHours(1))));
		assertThat(noInstance.statusCode()).isEqualTo(400);
		assertThat(noInstance.body()).contains("instanceIds");
		HttpResponse<String> badEvent = this.operator.postJson("/api/v1/access-events",
				"""
						{"person":"ops","instance":"%s","startedAt":"%s","endedAt":"%s","sourceAddress":"bastion","sessionId":""}
						"""
					.formatted(this.hosts.instanceIds().get(0), now, now.minus(Duration.ofMinutes(1))));
		assertThat(badEvent.statusCode()).isEqualTo(400);
		assertThat(badEvent.body()).contains("sourceAddress").contains("sessionId").contains("endedAt");
		assertThat(this.jdbc.sql("SELECT count(*) FROM security_access_grant").query(Long.class).single())
			.isEqualTo(before);
	}

	private String request(List<String> instances, Instant from, Instant until) {
		HttpResponse<String> asked = this.operator.postJson("/api/v1/access-grants", """
				{"instanceIds":[%s],"kind":"DATABASE","purpose":"数据库补丁升级","from":"%s","until":"%s"}
				""".formatted(String.join(",", instances.stream().map((i) -> "\"" + i + "\"").toList()), from, until));
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
		return JsonPath.read(asked.body(), "$.grant.id");
	}

	private HttpResponse<String> event(String instance, Instant start, Instant end, String session) {
		return this.operator.postJson("/api/v1/access-events",
				"""
						{"person":"ops-sun","instance":"%s","startedAt":"%s","endedAt":"%s","sourceAddress":"10.8.0.5","sessionId":"%s"}
						"""
					.formatted(instance, start, end, session));
	}

	private long notices(String username, String code) {
		return this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
				WHERE u.username = :user AND n.code = :code
				""").param("user", username).param("code", code).query(Long.class).single();
	}

	private static String session() {
		return "s-" + UUID.randomUUID().toString().substring(0, 12);
	}

}
