package cn.govcloud.reporting;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import cn.govcloud.reporting.ReportDrafting.Party;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The obligation calendar (Art. 11, 12, 14, 16): generated once per period, submitted
 * with a document or by the monthly report, returned with a reason and accepted, reminded
 * once 3 days before and once on the due day, shown in the month view, and counted on
 * time.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObligationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObligationPlan plan;

	@Autowired
	ReportStore reports;

	@Autowired
	Obligations obligations;

	UUID supplier;

	UUID unit;

	@BeforeAll
	void generated() {
		this.supplier = Scenarios.demoSupplier(this.jdbc);
		this.unit = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴市公安局'").query(UUID.class).single();
		Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 1);
		this.plan.generate(CityTime.today());
	}

	@Test
	void eachPeriodIsGeneratedOnceWhoeverGeneratesIt() {
		long before = count("kind = 'SECURITY_BULLETIN'");
		assertThat(this.plan.generate(CityTime.today())).as("a second run adds nothing").isZero();
		assertThat(count("kind = 'SECURITY_BULLETIN'")).isEqualTo(before).isGreaterThanOrEqualTo(2);
		assertThat(count("kind = 'MONTHLY_REPORT' AND unit_id = '" + this.unit + "'")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aDocumentIsSubmittedReturnedWithAReasonSubmittedAgainAndAccepted() {
		UUID id = obligation("SECURITY_BULLETIN");
		// Due today, so it counts in this year's share on time so far.
		this.jdbc.sql("UPDATE reporting_obligation SET due_on = :due WHERE id = :id")
			.param("due", Date.valueOf(CityTime.today()))
			.param("id", id)
			.update();
		TestClient supplierManager = TestClient.signedIn(this.port, "suppliermgr");
		HttpResponse<String> submitted = supplierManager.postMultipartWithField(
				"/api/v1/obligations/" + id + "/submission", "note", "本月无重大安全事件", "file", "通报.pdf", Scenarios.PDF);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(submitted.body(), "$.status")).isEqualTo("SUBMITTED");
		assertThat((Integer) JsonPath.read(submitted.body(), "$.lateDays")).isZero();

		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		HttpResponse<String> noReason = reviewer.postJson("/api/v1/obligations/" + id + "/return", "{}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason");
		assertThat(reviewer.postJson("/api/v1/obligations/" + id + "/return", "{\"reason\":\"缺少漏洞统计\"}").statusCode())
			.isEqualTo(200);
		assertThat(supplierManager.get("/obligations/" + id).body()).contains("缺少漏洞统计");
		assertThat(supplierManager
			.postMultipartWithField("/api/v1/obligations/" + id + "/submission", "note", "已补充", "file", "通报.pdf",
					Scenarios.PDF)
			.statusCode()).isEqualTo(200);
		assertThat(reviewer.postJson("/api/v1/obligations/" + id + "/accept", "{}").statusCode()).isEqualTo(200);
		assertThat(reviewer.postJson("/api/v1/obligations/" + id + "/accept", "{}").statusCode()).isEqualTo(409);

		LocalDate due = this.jdbc.sql("SELECT due_on FROM reporting_obligation WHERE id = :id")
			.param("id", id)
			.query(LocalDate.class)
			.single();
		String calendar = reviewer.get("/obligations/calendar?month=" + YearMonth.from(due)).body();
		assertThat(calendar).contains("/obligations/" + id).contains("data-status=\"ACCEPTED\"");
		List<Obligations.OnTimeShare> shares = this.obligations.onTime(this.supplier, due.getYear());
		assertThat(shares).anySatisfy((share) -> {
			assertThat(share.kind()).isEqualTo(ObligationKind.SECURITY_BULLETIN);
			assertThat(share.onTime()).isPositive();
		});
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.getJson("/api/v1/obligations/on-time?supplierId=" + this.supplier + "&year=" + due.getYear())
			.statusCode()).as("units do not read the supplier's obligations").isEqualTo(403);
	}

	@Test
	void submittingTheMonthlyReportMeetsItsObligation() {
		YearMonth month = YearMonth.of(2025, 1);
		this.reports.saveDraft(new Party(this.unit, this.supplier), month,
				new ReportContent(List.of(), new ReportContent.Operations(List.of(), List.of(), 0, 0, 0, 0, 0, 0),
						List.of(), List.of(), BigDecimal.ZERO),
				LocalDate.of(2025, 2, 10), Instant.now());
		UUID report = this.jdbc
			.sql("""
					SELECT id FROM reporting_report WHERE unit_id = :u AND supplier_id = :s AND month = :m AND status = 'DRAFT'
					""")
			.param("u", this.unit)
			.param("s", this.supplier)
			.param("m", Date.valueOf(month.atDay(1)))
			.query(UUID.class)
			.single();
		assertThat(TestClient.signedIn(this.port, "suppliermgr")
			.postJson("/api/v1/reports/" + report + "/submit", "{}")
			.statusCode()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> count(
					"kind = 'MONTHLY_REPORT' AND status = 'SUBMITTED' AND report_id = '" + report + "'") == 1);
		UUID id = this.jdbc.sql("SELECT id FROM reporting_obligation WHERE report_id = :r")
			.param("r", report)
			.query(UUID.class)
			.single();
		String obligation = TestClient.signedIn(this.port, "manager").getJson("/api/v1/obligations/" + id).body();
		assertThat((Integer) JsonPath.read(obligation, "$.lateDays")).as("submitted long after February 2025")
			.isGreaterThan(300);
	}

	@Test
	void theSupplierIsRemindedThreeDaysBeforeAndOnTheDueDayOnceEach() {
		UUID id = obligation("BACKUP_RESTORE_TEST");
		LocalDate today = CityTime.today();
		this.jdbc.sql("UPDATE reporting_obligation SET due_on = :due WHERE id = :id")
			.param("due", Date.valueOf(today.plusDays(ObligationPlan.DAYS_BEFORE)))
			.param("id", id)
			.update();
		this.plan.remind(today);
		this.plan.remind(today);
		assertThat(notices(id, "notice.obligation.soon.BACKUP_RESTORE_TEST")).isEqualTo(1);
		this.jdbc.sql("UPDATE reporting_obligation SET due_on = :due WHERE id = :id")
			.param("due", Date.valueOf(today))
			.param("id", id)
			.update();
		this.plan.remind(today);
		this.plan.remind(today);
		assertThat(notices(id, "notice.obligation.due.BACKUP_RESTORE_TEST")).isEqualTo(1);
		assertThat(notices(id, "notice.obligation.soon.BACKUP_RESTORE_TEST")).isEqualTo(1);
		String inbox = TestClient.signedIn(this.port, "suppliermgr").get("/inbox").body();
		assertThat(inbox).as("the kind by its name, not its code")
			.contains("义务“季度备份恢复测试”今天")
			.doesNotContain("BACKUP_RESTORE_TEST");
	}

	private UUID obligation(String kind) {
		return this.jdbc.sql("""
				SELECT id FROM reporting_obligation WHERE kind = :kind AND supplier_id = :s AND status = 'OPEN'
				ORDER BY period_start DESC LIMIT 1
				""").param("kind", kind).param("s", this.supplier).query(UUID.class).single();
	}

	private long count(String where) {
		return this.jdbc.sql("SELECT count(*) FROM reporting_obligation WHERE supplier_id = :s AND " + where)
			.param("s", this.supplier)
			.query(Long.class)
			.single();
	}

	private long notices(UUID obligation, String code) {
		return this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
				WHERE u.username = 'suppliermgr' AND n.code = :code AND n.link = :link
				""").param("code", code).param("link", "/obligations/" + obligation).query(Long.class).single();
	}

}
