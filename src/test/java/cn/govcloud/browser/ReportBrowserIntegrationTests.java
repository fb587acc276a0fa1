package cn.govcloud.browser;

import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import cn.govcloud.shared.CityTime;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monthly report in a real Chromium (Art. 12): the Commission drafts last month's
 * reports by hand and watches the progress, the supplier's manager opens its draft to
 * 公安局, writes its narrative and submits it, the unit reads and acknowledges it, and the
 * obligation calendar shows the obligation met, then accepted.
 */
@GovCloudIntegrationTest
class ReportBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSupplierSubmitsItsNarratedReportTheUnitAcknowledgesItAndTheCalendarShowsItMet() {
		UUID supplier = Scenarios.demoSupplier(this.jdbc);
		// A filed contract whose term began in March: the unit was served last month.
		Scenarios.Accepted hosts = Scenarios.acceptedHosts(this.port, this.jdbc, supplier, 1);
		YearMonth month = YearMonth.now(CityTime.ZONE).minusMonths(1);
		// The supplier keeps a backup policy for the system, so the report has backup
		// figures.
		HttpResponse<String> policy = TestClient.signedIn(this.port, "operator").postJson("/api/v1/backup-policies", """
				{"systemId":"%s","content":"数据库全量备份","frequency":"DAILY","at":"02:00",
				 "retentionDays":30,"location":"同城灾备中心","encrypted":true,"startsOn":"%s"}
				""".formatted(hosts.systemId(), month.atDay(1)));
		assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
		UUID unit = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴市公安局'").query(UUID.class).single();
		try (Browser manager = new Browser(this.port);
				Browser supplierManager = new Browser(this.port);
				Browser unitAdmin = new Browser(this.port)) {
			manager.signIn("manager", TestClient.DEMO_PASSWORD).waitForPath("/");
			manager.open("/reports/drafting").click("#start-drafting button[type=submit]");
			manager.waitForText("#progress", "已于");
			manager.screenshot("report-01-drafted");

			UUID report = this.jdbc.sql("""
					SELECT id FROM reporting_report WHERE unit_id = :u AND supplier_id = :s AND month = :m
					ORDER BY version DESC LIMIT 1
					""")
				.param("u", unit)
				.param("s", supplier)
				.param("m", Date.valueOf(month.atDay(1)))
				.query(UUID.class)
				.single();
			supplierManager.signIn("suppliermgr", TestClient.DEMO_PASSWORD).waitForPath("/");
			supplierManager.open("/reports?month=" + month);
			supplierManager.click("a[href='/reports/" + report + "']").waitForPath("/reports/" + report);
			assertThat(supplierManager.text("#report-status")).isEqualTo("草稿");
			supplierManager.type("#narrative", "本月平台运行平稳，无重大故障。");
			supplierManager.click("#save-texts").waitForText("#narrative", "本月平台运行平稳");
			supplierManager.screenshot("report-02-draft-with-narrative");
			supplierManager.click("#submit-report").waitForText("#report-status", "已提交");

			unitAdmin.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
			unitAdmin.open("/reports/" + report).waitForText("#narrative-text", "本月平台运行平稳");
			assertThat(unitAdmin.text("#backups")).contains("个实例有备份策略");
			unitAdmin.click("#acknowledge-report").waitForText("#report-status", "已确认");
			unitAdmin.screenshot("report-03-acknowledged");

			UUID obligation = Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> this.jdbc.sql("SELECT id FROM reporting_obligation WHERE report_id = :r")
					.param("r", report)
					.query(UUID.class)
					.optional()
					.orElse(null), java.util.Objects::nonNull);
			LocalDate due = this.jdbc.sql("SELECT due_on FROM reporting_obligation WHERE id = :id")
				.param("id", obligation)
				.query(LocalDate.class)
				.single();
			String cell = "#obligation-calendar td[data-day='" + due + "']";
			manager.open("/obligations/calendar?month=" + YearMonth.from(due));
			assertThat(manager.find(cell + " a[href='/obligations/" + obligation + "']").isDisplayed()).isTrue();
			assertThat(manager.text(cell)).contains("已提交");
			manager.click(cell + " a[href='/obligations/" + obligation + "']")
				.waitForPath("/obligations/" + obligation);
			manager.click("#accept-obligation").waitForText("#obligation-status", "已通过");
			manager.open("/obligations/calendar?month=" + YearMonth.from(due));
			assertThat(manager.text(cell)).contains("已通过");
			manager.screenshot("report-04-calendar-met");
		}
	}

}
