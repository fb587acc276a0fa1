package cn.govcloud.servicedesk;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * The service desk through its API (Art. 10–12, 19): the whole flow with its clocks, the
 * race to take a ticket, the rating rules, escalation once per notice, isolation between
 * units and suppliers, and bad input named field by field.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TicketEscalation escalation;

	@Autowired
	Tickets tickets;

	Accepted hosts;

	@BeforeAll
	void aSystemWithActiveHosts() {
		this.hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 1);
	}

	private String raise(TestClient who, String priority, String title) {
		HttpResponse<String> raised = who.postJson("/api/v1/tickets", """
				{"systemId":"%s","category":"FAULT","priority":"%s","title":"%s","description":"数据库连接超时，业务系统无法登录"}
				""".formatted(this.hosts.systemId(), priority, title));
		assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
		return JsonPath.read(raised.body(), "$.ticket.id");
	}

	@Test
	void aFaultGoesFromOpenToClosedWithItsClocksAndIsRatedOnce() {
		TestClient unit = this.hosts.unit();
		String id = raise(unit, "P2", "OA 系统无法登录");
		String opened = unit.getJson("/api/v1/tickets/" + id).body();
		assertThat((String) JsonPath.read(opened, "$.ticket.status")).isEqualTo("OPEN");
		assertThat((Integer) JsonPath.read(opened, "$.response.targetMinutes")).isEqualTo(30);
		assertThat((Integer) JsonPath.read(opened, "$.resolution.targetMinutes")).isEqualTo(480);
		assertThat((String) JsonPath.read(opened, "$.response.due")).isNotNull();

		TestClient operator = TestClient.signedIn(this.port, "operator");
		assertThat(operator.getJson("/api/v1/tickets?q=无法登录").body()).contains(id);
		assertThat(operator.getJson("/api/v1/tickets?q=打印机").body()).doesNotContain(id);
		HttpResponse<String> taken = operator.postJson("/api/v1/tickets/" + id + "/acknowledge", "{}");
		assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(taken.body(), "$.response.stopped")).isTrue();
		assertThat((Boolean) JsonPath.read(taken.body(), "$.response.breached")).isFalse();

		operator.postJson("/api/v1/tickets/" + id + "/comments", "{\"text\":\"怀疑连接池耗尽\",\"internal\":true}");
		HttpResponse<String> asked = operator.postJson("/api/v1/tickets/" + id + "/ask", "{\"text\":\"请提供出错时间和截图\"}");
		assertThat((Boolean) JsonPath.read(asked.body(), "$.resolution.paused")).isTrue();
		assertThat((java.util.Map<String, Object>) JsonPath.read(asked.body(), "$.resolution"))
			.doesNotContainKey("due");
		assertThat(unit.getJson("/api/v1/tickets/" + id).body()).doesNotContain("连接池耗尽").contains("请提供出错时间和截图");
		assertThat(operator.getJson("/api/v1/tickets/" + id).body()).contains("连接池耗尽");

		assertThat(unit.postJson("/api/v1/tickets/" + id + "/answer", "{\"text\":\"今天 9 点起\"}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> resolved = operator.postJson("/api/v1/tickets/" + id + "/resolve",
				"{\"text\":\"扩大连接池并重启\"}");
		assertThat((String) JsonPath.read(resolved.body(), "$.ticket.status")).isEqualTo("RESOLVED");
		assertThat((Integer) JsonPath.read(resolved.body(), "$.ticket.resolutionMinutes")).isNotNull();

		assertThat(unit.postJson("/api/v1/tickets/" + id + "/rating", "{\"stars\":5}").statusCode())
			.as("not closed yet")
			.isEqualTo(400);
		assertThat(unit.postJson("/api/v1/tickets/" + id + "/confirm", "{}").statusCode()).isEqualTo(200);
		HttpResponse<String> noStars = unit.postJson("/api/v1/tickets/" + id + "/rating", "{\"comment\":\"好\"}");
		assertThat(noStars.statusCode()).isEqualTo(400);
		assertThat(noStars.body()).contains("stars");
		assertThat(unit.postJson("/api/v1/tickets/" + id + "/rating", "{\"stars\":5,\"comment\":\"很快\"}").statusCode())
			.isEqualTo(200);
		assertThat(unit.postJson("/api/v1/tickets/" + id + "/rating", "{\"stars\":1}").statusCode()).isEqualTo(409);
		assertThat(TestClient.signedIn(this.port, "unitmember")
			.postJson("/api/v1/tickets/" + id + "/rating", "{\"stars\":3}")
			.statusCode()).as("neither raiser nor follower").isEqualTo(400);

		String history = unit.getJson("/api/v1/tickets/" + id).body();
		assertThat((List<String>) JsonPath.read(history, "$.history[?(@.kind == 'STEP')].step")).containsExactly("OPEN",
				"ACKNOWLEDGED", "WAITING_ON_UNIT", "IN_PROGRESS", "RESOLVED", "CLOSED");
		String attainment = TestClient.signedIn(this.port, "manager").getJson("/api/v1/tickets/attainment").body();
		assertThat(attainment).contains("\"priority\":\"P2\"");
	}

	@Test
	void ofTwoOperatorsTakingTheSameTicketOneWinsAndTheOtherIsToldWhoTookIt() throws Exception {
		String id = raise(this.hosts.unit(), "P3", "打印服务异常");
		TestClient first = TestClient.signedIn(this.port, "operator");
		TestClient second = TestClient.signedIn(this.port, "suppliermgr");
		Callable<HttpResponse<String>> a = () -> first.postJson("/api/v1/tickets/" + id + "/acknowledge", "{}");
		Callable<HttpResponse<String>> b = () -> second.postJson("/api/v1/tickets/" + id + "/acknowledge", "{}");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<HttpResponse<String>>> answers = pool.invokeAll(List.of(a, b));
			List<Integer> codes = List.of(answers.get(0).get().statusCode(), answers.get(1).get().statusCode());
			assertThat(codes).containsExactlyInAnyOrder(200, 409);
			String loser = (answers.get(0).get().statusCode() == 409) ? answers.get(0).get().body()
					: answers.get(1).get().body();
			assertThat(loser).containsPattern("已由 (供应商运维 孙浩|供应商经理 周婷) 于 .+ 先行处理，现为“已响应”");
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM servicedesk_ticket_event WHERE ticket_id = ? AND action = 'ACKNOWLEDGED'")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aBreachIsEscalatedOnceToEachManagerAndTheListFiltersIt() {
		String id = raise(this.hosts.unit(), "P1", "核心业务中断");
		// Opened 20 minutes ago: the 15-minute first response is breached (and past 75
		// %).
		this.jdbc.sql("UPDATE servicedesk_ticket SET opened_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(20))), UUID.fromString(id))
			.update();
		long managerNotices = notices("manager", "notice.ticket.breach.response");
		long supplierNotices = notices("suppliermgr", "notice.ticket.warning.response");
		this.escalation.escalate(Instant.now());
		this.escalation.escalate(Instant.now());
		assertThat(notices("manager", "notice.ticket.breach.response")).isEqualTo(managerNotices + 1);
		assertThat(notices("suppliermgr", "notice.ticket.warning.response")).isEqualTo(supplierNotices + 1);
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		assertThat(reviewer.getJson("/api/v1/tickets?breached=true&size=200").body()).contains(id);
		assertThat(reviewer.getJson("/api/v1/tickets?breached=false&size=200").body()).doesNotContain(id);
	}

	@Test
	void aResolvedTicketLeftUnconfirmedForSevenDaysClosesByItselfAndCannotBeReopened() {
		TestClient operator = TestClient.signedIn(this.port, "operator");
		String id = raise(this.hosts.unit(), "P4", "咨询备份策略");
		operator.postJson("/api/v1/tickets/" + id + "/acknowledge", "{}");
		operator.postJson("/api/v1/tickets/" + id + "/resolve", "{\"text\":\"已答复\"}");
		this.jdbc.sql("UPDATE servicedesk_ticket SET resolved_at = resolved_at - interval '8 days' WHERE id = ?")
			.param(UUID.fromString(id))
			.update();
		assertThat(this.tickets.closeUnconfirmed(Instant.now())).isGreaterThanOrEqualTo(1);
		String closed = this.hosts.unit().getJson("/api/v1/tickets/" + id).body();
		assertThat((String) JsonPath.read(closed, "$.ticket.status")).isEqualTo("CLOSED");
		assertThat(this.hosts.unit().postJson("/api/v1/tickets/" + id + "/reopen", "{\"text\":\"没解决\"}").statusCode())
			.isEqualTo(409);
	}

	@Test
	void anotherUnitAndAnotherSupplierSeeNothingOfTheTicket() {
		String id = raise(this.hosts.unit(), "P3", "隔离检查");
		TestClient otherUnit = TestClient.signedIn(this.port, "unitadmin2");
		assertThat(otherUnit.getJson("/api/v1/tickets/" + id).statusCode()).isEqualTo(404);
		assertThat(otherUnit.getJson("/api/v1/tickets?size=200").body()).doesNotContain(id);
		// Addressed to another supplier serving the same unit: our supplier sees nothing.
		String other = raise(this.hosts.unit(), "P3", "另一供应商的工单");
		UUID otherSupplier = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO organization (id, kind, name, created_at) VALUES (?, 'SUPPLIER', ?, now())")
			.params(otherSupplier, "另一供应商 " + otherSupplier.toString().substring(0, 8))
			.update();
		this.jdbc.sql("UPDATE servicedesk_ticket SET supplier_id = ? WHERE id = ?")
			.params(otherSupplier, UUID.fromString(other))
			.update();
		TestClient operator = TestClient.signedIn(this.port, "operator");
		assertThat(operator.getJson("/api/v1/tickets/" + other).statusCode()).isEqualTo(404);
		assertThat(operator.getJson("/api/v1/tickets?size=200").body()).doesNotContain(other).contains(id);
		assertThat(operator.postJson("/api/v1/tickets/" + other + "/acknowledge", "{}").statusCode()).isEqualTo(404);
		assertThat(TestClient.signedIn(this.port, "unitadmin2")
			.postJson("/api/v1/tickets/" + id + "/confirm", "{}")
			.statusCode()).isEqualTo(404);
		assertThat(TestClient.signedIn(this.port, "sysadmin").getJson("/api/v1/tickets").statusCode()).isEqualTo(403);
		assertThat(this.hosts.unit().postJson("/api/v1/tickets/" + id + "/acknowledge", "{}").statusCode())
			.isEqualTo(403);
	}

	@Test
	void badInputIsNamedFieldByFieldAndNothingIsSaved() {
		long before = this.jdbc.sql("SELECT count(*) FROM servicedesk_ticket").query(Long.class).single();
		HttpResponse<String> empty = this.hosts.unit().postJson("/api/v1/tickets", "{\"title\":\"  \"}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("category")
			.contains("priority")
			.contains("title")
			.contains("description")
			.contains("systemId");
		HttpResponse<String> wrongHost = this.hosts.unit().postJson("/api/v1/tickets", """
				{"systemId":"%s","instanceId":"%s","category":"FAULT","priority":"P9","title":"t","description":"d"}
				""".formatted(this.hosts.systemId(), UUID.randomUUID()));
		assertThat(wrongHost.statusCode()).isEqualTo(400);
		HttpResponse<String> badSort = this.hosts.unit().getJson("/api/v1/tickets?sort=password,asc");
		assertThat(badSort.statusCode()).isEqualTo(400);
		assertThat(badSort.body()).contains("sort");
		assertThat(this.jdbc.sql("SELECT count(*) FROM servicedesk_ticket").query(Long.class).single())
			.isEqualTo(before);
	}

	@Test
	void attachmentsAreCheckedByContentAndFollowersComeFromTheUnit() {
		String member = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'unitmember'")
			.query(String.class)
			.single();
		String outsider = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'unitadmin2'")
			.query(String.class)
			.single();
		String body = """
				{"systemId":"%s","category":"PROBLEM","priority":"P3","title":"报表导出慢","description":"导出超过一分钟",
				 "followerIds":["%s"]}""";
		HttpResponse<String> foreign = this.hosts.unit()
			.postJson("/api/v1/tickets", body.formatted(this.hosts.systemId(), outsider));
		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(foreign.body()).contains("followerIds");
		HttpResponse<String> raised = this.hosts.unit()
			.postJson("/api/v1/tickets", body.formatted(this.hosts.systemId(), member));
		assertThat(raised.statusCode()).isEqualTo(201);
		assertThat(raised.body()).contains(member);
		String id = JsonPath.read(raised.body(), "$.ticket.id");

		HttpResponse<String> attached = this.hosts.unit()
			.postMultipart("/api/v1/tickets/" + id + "/attachments", "file", "截图.pdf", Scenarios.PDF);
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		HttpResponse<String> disguised = this.hosts.unit()
			.postMultipart("/api/v1/tickets/" + id + "/attachments", "file", "截图.png", Scenarios.PDF);
		assertThat(disguised.statusCode()).isEqualTo(400);
		assertThat(TestClient.signedIn(this.port, "operator").getJson("/api/v1/tickets/" + id + "/attachments").body())
			.contains("截图.pdf")
			.doesNotContain("截图.png");
		assertThat(TestClient.signedIn(this.port, "unitadmin2")
			.postMultipart("/api/v1/tickets/" + id + "/attachments", "file", "x.pdf", Scenarios.PDF)
			.statusCode()).isEqualTo(404);
	}

	private long notices(String username, String code) {
		return this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
				WHERE u.username = ? AND n.code = ?
				""").params(username, code).query(Long.class).single();
	}

}
