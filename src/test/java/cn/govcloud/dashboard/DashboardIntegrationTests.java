package cn.govcloud.dashboard;

import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard shows what waits on each person, counted from the records themselves. */
@GovCloudIntegrationTest
class DashboardIntegrationTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theReviewerSeesHowManyApplicationsWaitAndTheCountFollowsSubmissions() {
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		long before = figure(reviewer, "dashboard.toReview");
		assertThat(before).isEqualTo(((Number) JsonPath
			.read(reviewer.getJson("/api/v1/applications?status=SUBMITTED&size=1").body(), "$.total")).longValue());
		TestClient unit = TestClient.signedIn(this.port, "unitmember");
		String system = JsonPath.read(unit
			.postJson("/api/v1/systems",
					"{\"name\":\"看板测试 " + UUID.randomUUID().toString().substring(0, 6)
							+ "\",\"purpose\":\"测试\",\"protectionLevel\":2}")
			.body(), "$.id");
		unit.postMultipart("/api/v1/systems/" + system + "/plans", "file", "p.pdf", Scenarios.PDF);
		String id = JsonPath.read(unit.postJson("/api/v1/applications", "{\"systemId\":\"" + system
				+ "\",\"planVersion\":1,\"lines\":[{\"kind\":\"BANDWIDTH\",\"spec\":{\"mbps\":20},\"quantity\":1,"
				+ "\"justification\":\"对外服务\"}]}")
			.body(), "$.id");
		unit.postJson("/api/v1/applications/" + id + "/submit", "{}");
		assertThat(figure(reviewer, "dashboard.toReview")).isEqualTo(before + 1);
		assertThat(figure(unit, "dashboard.awaitingReview")).isPositive();
		TestClient manager = TestClient.signedIn(this.port, "manager");
		assertThat(figure(manager, "dashboard.awaitingReview")).isEqualTo(before + 1);
		assertThat(figure(manager, "dashboard.toFile")).isNotNegative();
		assertThat(figures(TestClient.signedIn(this.port, "auditadmin"))).doesNotContain("dashboard.toReview");
	}

	@Test
	void theAuditAdministratorSeesTheTrailsRecordsAndTodaysCountedFromTheTrail() {
		TestClient auditor = TestClient.signedIn(this.port, "auditadmin");
		java.sql.Timestamp today = java.sql.Timestamp
			.from(cn.govcloud.shared.CityTime.startOf(cn.govcloud.shared.CityTime.today()));
		long before = this.jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
		long todayBefore = this.jdbc.sql("SELECT count(*) FROM audit_event WHERE occurred_at >= :today")
			.param("today", today)
			.query(Long.class)
			.single();
		String body = auditor.getJson("/api/v1/dashboard").body();
		long after = this.jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
		long todayAfter = this.jdbc.sql("SELECT count(*) FROM audit_event WHERE occurred_at >= :today")
			.param("today", today)
			.query(Long.class)
			.single();
		assertThat(before).isPositive();
		assertThat(value(body, "dashboard.auditRecords")).isBetween(before, after);
		assertThat(value(body, "dashboard.auditToday")).isPositive().isBetween(todayBefore, todayAfter);
	}

	private static long value(String body, String key) {
		List<Number> values = JsonPath.read(body, "$[?(@.key=='" + key + "')].value");
		assertThat(values).as(key).hasSize(1);
		return values.get(0).longValue();
	}

	private static long figure(TestClient client, String key) {
		List<Number> values = JsonPath.read(client.getJson("/api/v1/dashboard").body(),
				"$[?(@.key=='" + key + "')].value");
		assertThat(values).as(key).hasSize(1);
		return values.get(0).longValue();
	}

	private static List<String> figures(TestClient client) {
		return JsonPath.read(client.getJson("/api/v1/dashboard").body(), "$[*].key");
	}

}
