package cn.govcloud.browser;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import cn.govcloud.shared.CityTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access only with the unit's authorisation, clicked through in a real Chromium (Art.
 * 17): the supplier's operator asks for six hours on two hosts, the unit's security
 * officer approves two hours on one, and of the bastion host's sessions the one inside is
 * accepted under the grant while the one outside shows as a violation on the unit's page.
 */
@GovCloudIntegrationTest
class AccessGrantBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOfficerApprovesANarrowerWindowAndASessionOutsideItShowsAsAViolation() {
		Accepted hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 2);
		String unitId = this.jdbc.sql("SELECT unit_id::text FROM instance WHERE id = CAST(:id AS uuid)")
			.param("id", hosts.instanceIds().get(0))
			.query(String.class)
			.single();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		String path;
		try (Browser operator = new Browser(this.port)) {
			operator.signIn("operator", TestClient.DEMO_PASSWORD).waitForPath("/");
			operator.open("/access-grants").click("a[href='/access-grants/new']").waitForPath("/access-grants/new");
			operator.select("#unitId", unitId).click("#choose-unit button[type=submit]");
			operator.waitUntil(() -> operator.present("#request-form"));
			for (String instance : hosts.instanceIds()) {
				operator.click("#instances input[value='" + instance + "']");
			}
			operator.select("#kind", "SSH").type("#purpose", "数据库补丁升级，需重启服务");
			operator.setValue("#from", local(now.minus(Duration.ofHours(3))));
			operator.setValue("#until", local(now.plus(Duration.ofHours(3))));
			operator.screenshot("access-01-request");
			operator.click("#submit-request").waitForText("#grant-status", "待审批");
			path = operator.currentPath();
			assertThat(path).matches("/access-grants/[0-9a-f-]{36}");
		}
		try (Browser officer = new Browser(this.port)) {
			officer.signIn("officer", TestClient.DEMO_PASSWORD).waitForPath("/");
			officer.open(path).waitForText("#grant-status", "待审批");
			officer.setValue("#approve-from", local(now.minus(Duration.ofHours(1))));
			officer.setValue("#approve-until", local(now.plus(Duration.ofHours(1))));
			officer.click("#approve-form input[value='" + hosts.instanceIds().get(1) + "']");
			officer.click("#approve").waitForText("#grant-status", "已批准");
			assertThat(officer.text("#window-granted")).isEqualTo(CityTime.minutes(now.minus(Duration.ofHours(1)))
					+ " – " + CityTime.minutes(now.plus(Duration.ofHours(1))));
			assertThat(officer.text("#grant-instances")).contains("是").contains("—");
			officer.screenshot("access-02-approved-narrower");
		}
		TestClient bastion = TestClient.signedIn(this.port, "operator");
		String inside = session();
		String outside = session();
		assertThat(report(bastion, hosts.instanceIds().get(0), now.minus(Duration.ofMinutes(40)),
				now.minus(Duration.ofMinutes(10)), inside)
			.body()).contains("\"violation\":false");
		assertThat(report(bastion, hosts.instanceIds().get(0), now.minus(Duration.ofMinutes(150)),
				now.minus(Duration.ofMinutes(120)), outside)
			.body()).contains("\"violation\":true");
		try (Browser unit = new Browser(this.port)) {
			unit.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open("/access-events?violation=true");
			assertThat(unit.present("#events tr.violation[data-session='" + outside + "']")).isTrue();
			assertThat(unit.present("#events tr[data-session='" + inside + "']")).isFalse();
			assertThat(unit.text("#events tr[data-session='" + outside + "']")).contains("违规").contains("10.8.0.5");
			unit.screenshot("access-03-violation-on-unit-page");
			unit.open(path);
			assertThat(unit.present("#covered tr[data-session='" + inside + "']")).isTrue();
			assertThat(unit.present("#covered tr[data-session='" + outside + "']")).isFalse();
			assertThat(unit.text("#covered")).contains("ops-sun");
		}
	}

	private static HttpResponse<String> report(TestClient bastion, String instance, Instant start, Instant end,
			String session) {
		HttpResponse<String> reported = bastion.postJson("/api/v1/access-events",
				"""
						{"person":"ops-sun","instance":"%s","startedAt":"%s","endedAt":"%s","sourceAddress":"10.8.0.5","sessionId":"%s"}
						"""
					.formatted(instance, start, end, session));
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		return reported;
	}

	private static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, CityTime.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private static String session() {
		return "b-" + java.util.UUID.randomUUID().toString().substring(0, 12);
	}

}
