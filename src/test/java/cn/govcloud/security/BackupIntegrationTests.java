package cn.govcloud.security;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups (Art. 16) and the monthly access report (Art. 17) on a real GovCloud: the
 * supplier writes a policy and reports a month of runs by CSV (a bad file saves nothing),
 * GovCloud flags the failed and missed days, a restore test submits the quarter's
 * obligation; a unit sees only its own, a supplier only what it keeps.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupIntegrationTests {

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Backups backups;

	Accepted hosts;

	TestClient operator;

	String host;

	String hostName;

	String policy;

	String unitId;

	@BeforeAll
	void aHostRunningSinceOctoberWithADailyPolicyFromNovember() {
		this.hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 2);
		this.operator = TestClient.signedIn(this.port, "operator");
		this.host = this.hosts.instanceIds().get(0);
		this.jdbc.sql("UPDATE instance SET active_from = DATE '2026-10-01' WHERE system_id = :s")
			.param("s", UUID.fromString(this.hosts.systemId()))
			.update();
		this.unitId = this.jdbc.sql("SELECT CAST(unit_id AS text) FROM application_system WHERE id = :s")
			.param("s", UUID.fromString(this.hosts.systemId()))
			.query(String.class)
			.single();
		this.hostName = this.jdbc.sql("SELECT name FROM instance WHERE id = :id")
			.param("id", UUID.fromString(this.host))
			.query(String.class)
			.single();
		HttpResponse<String> created = this.operator.postJson("/api/v1/backup-policies", """
				{"systemId":"%s","instanceId":"%s","content":"数据库全量备份","frequency":"DAILY","at":"02:00",
				 "retentionDays":30,"location":"同城灾备中心 对象存储","encrypted":true,"startsOn":"2026-11-01"}
				""".formatted(this.hosts.systemId(), this.host));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.policy = JsonPath.read(created.body(), "$.id");
	}

	/**
	 * Runs of November 2026 at 02:05: every day succeeds except the 10th (failed), the
	 * 20th (no run) and the 25th (failed, retried with success at 04:00).
	 */
	private String november() {
		StringBuilder csv = new StringBuilder("instance,started_at,finished_at,size_bytes,result\n");
		for (int day = 1; day <= 30; day++) {
			if (day == 20) {
				continue;
			}
			String date = NOVEMBER.atDay(day).toString();
			csv.append(this.hostName)
				.append(',')
				.append(date)
				.append(" 02:05,")
				.append(date)
				.append(" 02:35,")
				.append(1_000_000L * day)
				.append(',')
				.append((day == 10 || day == 25) ? "FAILED" : "SUCCESS")
				.append('\n');
		}
		csv.append(this.host).append(",2026-11-25 04:00,2026-11-25 04:30,25000000,SUCCESS\n");
		return csv.toString();
	}

	@Test
	void aMonthOfRunsIsComparedWithTheScheduleAndTheFailedAndMissedDaysAreFlagged() {
		HttpResponse<String> bad = this.operator.postMultipart("/api/v1/backup-runs/import", "file", "runs.csv",
				(november() + "no-such-host,2026-11-29 02:00,2026-11-29 02:10,5,SUCCESS\n" + this.hostName
						+ ",2026-11-30 02:00,2026-11-30 01:00,5,SUCCESS\n")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
		assertThat(bad.body()).contains("rows[32].instance").contains("rows[33].finished_at");
		assertThat(runs()).as("a bad file saves nothing").isZero();

		HttpResponse<String> imported = this.operator.postMultipart("/api/v1/backup-runs/import", "file", "runs.csv",
				november().getBytes(StandardCharsets.UTF_8));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(imported.body(), "$.recorded")).isEqualTo(30);
		assertThat((Integer) JsonPath.read(imported.body(), "$.failed")).isEqualTo(2);
		HttpResponse<String> again = this.operator.postMultipart("/api/v1/backup-runs/import", "file", "runs.csv",
				november().getBytes(StandardCharsets.UTF_8));
		assertThat((Integer) JsonPath.read(again.body(), "$.duplicates")).isEqualTo(30);
		assertThat(runs()).isEqualTo(30);

		String status = this.hosts.unit()
			.getJson("/api/v1/backups/status?month=2026-11&size=200&unitId=" + this.unitId)
			.body();
		String mine = "$[?(@.policy.id == '" + this.policy + "')]";
		assertThat(JsonPath.<List<Integer>>read(status, mine + ".instances[0].periods.length()")).containsExactly(30);
		List<String> outcomes = JsonPath.read(status, mine + ".instances[0].periods[*].outcome");
		assertThat(outcomes).hasSize(30);
		assertThat(outcomes.get(9)).isEqualTo("FAILED");
		assertThat(outcomes.get(19)).isEqualTo("MISSED");
		assertThat(outcomes.get(24)).isEqualTo("MET");
		assertThat(outcomes.stream().filter("MET"::equals)).hasSize(28);

		BackupSummary summary = this.backups.summaries(NOVEMBER, UUID.fromString(this.unitId))
			.stream()
			.filter((s) -> s.supplierId().equals(Scenarios.demoSupplier(this.jdbc)))
			.findFirst()
			.orElseThrow();
		assertThat(summary.expected()).isGreaterThanOrEqualTo(30);
		assertThat(summary.failed()).isGreaterThanOrEqualTo(1);
		assertThat(summary.missed()).isGreaterThanOrEqualTo(1);

		String page = this.hosts.unit().get("/backups?month=2026-11").body();
		assertThat(page).contains(this.hostName).contains("同城灾备中心");
	}

	@Test
	void aRunWithoutAPolicyOrInTheFutureIsRefusedByItsField() {
		String other = this.hosts.instanceIds().get(1);
		HttpResponse<String> noPolicy = this.operator.postJson("/api/v1/backup-runs", """
				{"instance":"%s","startedAt":"2026-11-02T02:00:00+08:00","finishedAt":"2026-11-02T02:30:00+08:00",
				 "sizeBytes":10,"result":"SUCCESS"}
				""".formatted(other));
		assertThat(noPolicy.statusCode()).isEqualTo(400);
		assertThat(noPolicy.body()).contains("instance");
		Instant later = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		HttpResponse<String> future = this.operator.postJson("/api/v1/backup-runs", """
				{"instance":"%s","startedAt":"%s","finishedAt":"%s","sizeBytes":-1}
				""".formatted(this.host, later, later.plusSeconds(60)));
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(future.body()).contains("finishedAt").contains("sizeBytes").contains("result");
		HttpResponse<String> twice = this.operator.postJson("/api/v1/backup-policies", """
				{"systemId":"%s","instanceId":"%s","content":"再一次","frequency":"WEEKLY","at":"03:00","weekday":8,
				 "retentionDays":7,"location":"本地","encrypted":false}
				""".formatted(this.hosts.systemId(), this.host));
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(twice.body()).contains("weekday");
	}

	@Test
	void aRestoreTestSubmitsTheQuartersObligation() {
		HttpResponse<String> tested = this.operator.postJson("/api/v1/restore-tests", """
				{"policyId":"%s","testedOn":"2026-11-15","result":"SUCCESS","note":"恢复到测试库，校验 1200 张表"}
				""".formatted(this.policy));
		assertThat(tested.statusCode()).as(tested.body()).isEqualTo(201);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc.sql("""
				SELECT count(*) FROM reporting_obligation WHERE kind = 'BACKUP_RESTORE_TEST'
				  AND supplier_id = :s AND period_start = DATE '2026-10-01' AND status = 'SUBMITTED'
				""").param("s", Scenarios.demoSupplier(this.jdbc)).query(Long.class).single() == 1);
		assertThat(this.hosts.unit().getJson("/api/v1/restore-tests").body()).contains("恢复到测试库");
	}

	@Test
	void aUnitNeverSeesAnotherUnitsBackupsNorASupplierAnotherSuppliers() {
		TestClient otherUnit = TestClient.signedIn(this.port, "unitadmin2");
		assertThat(otherUnit.getJson("/api/v1/backup-policies?size=200").body()).doesNotContain(this.policy);
		assertThat(otherUnit.getJson("/api/v1/backups/status?month=2026-11&size=200").body())
			.doesNotContain(this.policy);
		assertThat(otherUnit.getJson("/api/v1/backup-runs?size=200").body()).doesNotContain(this.hostName);
		assertThat(otherUnit.get("/backups?month=2026-11").body()).doesNotContain(this.hostName);
		assertThat(otherUnit.postJson("/api/v1/backup-policies", "{}").statusCode()).isEqualTo(403);
		assertThat(this.hosts.unit().getJson("/api/v1/backup-policies?size=200").body()).contains(this.policy);

		UUID otherSupplier = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO organization (id, kind, name, created_at) VALUES (?, 'SUPPLIER', ?, now())")
			.params(otherSupplier, "另一供应商 " + otherSupplier.toString().substring(0, 8))
			.update();
		UUID theirs = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO security_backup_policy (id, unit_id, supplier_id, system_id, instance_id, content, frequency,
					    at_time, retention_days, location, encrypted, starts_on, created_at, created_by)
					SELECT ?, unit_id, ?, system_id, id, '他家备份', 'DAILY', TIME '01:00', 7, '他处', false, DATE '2026-11-01',
					    now(), ? FROM instance WHERE id = ?
					""")
			.params(theirs, otherSupplier, UUID.randomUUID(), UUID.fromString(this.hosts.instanceIds().get(1)))
			.update();
		assertThat(this.operator.getJson("/api/v1/backup-policies?size=200").body()).doesNotContain(theirs.toString())
			.contains(this.policy);
		assertThat(this.hosts.unit().getJson("/api/v1/backup-policies?size=200").body()).contains(theirs.toString());
		HttpResponse<String> notTheirs = this.operator.postJson("/api/v1/restore-tests", """
				{"policyId":"%s","testedOn":"2026-11-15","result":"SUCCESS","note":"不是我的"}
				""".formatted(theirs));
		assertThat(notTheirs.statusCode()).isEqualTo(400);
		this.jdbc.sql("DELETE FROM security_backup_policy WHERE id = ?").params(theirs).update();
		for (String administrator : List.of("sysadmin", "secadmin", "auditadmin")) {
			assertThat(TestClient.signedIn(this.port, administrator).getJson("/api/v1/backup-policies").statusCode())
				.isEqualTo(403);
		}
	}

	@Test
	void theMonthlyAccessReportCountsTheUnitsGrantsAndViolationsAndItsWorkbookReadsBack() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		HttpResponse<String> violation = this.operator.postJson("/api/v1/access-events", """
				{"person":"=HYPERLINK(\\"x\\")","instance":"%s","startedAt":"%s","endedAt":"%s",
				 "sourceAddress":"10.9.9.9","sessionId":"%s"}
				""".formatted(this.host, now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(10)),
				"报表-" + UUID.randomUUID()));
		assertThat(violation.statusCode()).as(violation.body()).isEqualTo(201);
		YearMonth month = YearMonth.from(now.atZone(cn.govcloud.shared.CityTime.ZONE));
		String json = this.hosts.unit().getJson("/api/v1/access-report?month=" + month).body();
		assertThat((Integer) JsonPath.read(json, "$.sessions")).isGreaterThanOrEqualTo(1);
		assertThat(JsonPath.<List<String>>read(json, "$.violations[*].instanceName")).contains(this.hostName);

		TestClient otherUnit = TestClient.signedIn(this.port, "unitadmin2");
		assertThat(otherUnit.getJson("/api/v1/access-report?month=" + month + "&unitId=" + unitId).statusCode())
			.isEqualTo(404);
		assertThat(otherUnit.getBytes("/access-report.xlsx?month=" + month + "&unitId=" + unitId).statusCode())
			.isEqualTo(404);
		assertThat(otherUnit.get("/access-report?month=" + month).body()).doesNotContain(this.hostName);
		assertThat(this.operator.getJson("/api/v1/access-report?month=" + month + "&unitId=" + unitId).body())
			.contains(this.hostName);

		HttpResponse<byte[]> file = this.hosts.unit().getBytes("/access-report.xlsx?month=" + month);
		assertThat(file.statusCode()).isEqualTo(200);
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			Sheet figures = book.getSheet("访问月报");
			assertThat(figures.getRow(10).getCell(0).getStringCellValue()).isEqualTo("访问会话");
			assertThat(figures.getRow(10).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(figures.getRow(10).getCell(1).getNumericCellValue())
				.isEqualTo(((Integer) JsonPath.read(json, "$.sessions")).doubleValue());
			assertThat(figures.getRow(11).getCell(1).getNumericCellValue()).isGreaterThanOrEqualTo(1.0);
			Sheet violations = book.getSheet("违规访问");
			boolean escaped = false;
			for (int r = 1; r <= violations.getLastRowNum(); r++) {
				assertThat(violations.getRow(r).getCell(0).getCellType()).isEqualTo(CellType.STRING);
				escaped |= violations.getRow(r).getCell(0).getStringCellValue().equals("'=HYPERLINK(\"x\")");
			}
			assertThat(escaped).as("a formula-like person is kept as text").isTrue();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		assertThat(this.hosts.unit().get("/access-report?month=" + month).body()).contains(this.hostName)
			.contains(LocalDate.now().getYear() + "");
	}

	@Test
	void anEmergencyCountsAsApprovedInTimeOnlyWhenTheUnitsFirstDecisionCameWithin24Hours() {
		UUID unit = UUID.fromString(this.unitId);
		UUID supplier = Scenarios.demoSupplier(this.jdbc);
		// October 2026, city time: approved after 2 h, approved after 30 h (then
		// revoked),
		// refused, and never decided; plus an ordinary request refused.
		emergency(unit, supplier, "2026-10-05T10:00:00+08:00", "APPROVED", "2026-10-05T12:00:00+08:00");
		UUID late = emergency(unit, supplier, "2026-10-06T10:00:00+08:00", "APPROVED", "2026-10-07T16:00:00+08:00");
		event(late, "REVOKED", "2026-10-07T17:00:00+08:00");
		emergency(unit, supplier, "2026-10-08T10:00:00+08:00", "REFUSED", "2026-10-08T11:00:00+08:00");
		emergency(unit, supplier, "2026-10-09T10:00:00+08:00", null, null);
		UUID asked = grant(unit, supplier, false, "2026-10-20T09:00:00+08:00", "REQUESTED");
		event(asked, "REFUSED", "2026-10-20T10:00:00+08:00");

		String report = this.hosts.unit().getJson("/api/v1/access-report?month=2026-10").body();
		assertThat((Integer) JsonPath.read(report, "$.requested")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(report, "$.approved")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(report, "$.refused")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(report, "$.revoked")).isEqualTo(1);
		assertThat(JsonPath.<List<String>>read(report, "$.emergencies[*].outcome")).containsExactly("APPROVED_IN_TIME",
				"APPROVED_LATE", "REFUSED", "UNDECIDED");
		String page = this.hosts.unit().get("/access-report?month=2026-10").body();
		assertThat(page).contains("id=\"in-time\">1<").contains("id=\"late\">2<");
	}

	private UUID emergency(UUID unit, UUID supplier, String opened, String decision, String decided) {
		UUID id = grant(unit, supplier, true, opened, "EMERGENCY");
		if (decision != null) {
			event(id, decision, decided);
		}
		return id;
	}

	private UUID grant(UUID unit, UUID supplier, boolean emergency, String opened, String action) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO security_access_grant (id, number, unit_id, supplier_id, requested_by, requested_by_name,
				    purpose, kind, requested_from, requested_until, emergency, status, created_at)
				VALUES (:id, :number, :unit, :supplier, :by, '运维', '测试', 'SSH', CAST(:at AS timestamptz),
				    CAST(:at AS timestamptz) + interval '4 hours', :emergency, 'REFUSED', CAST(:at AS timestamptz))
				""")
			.param("id", id)
			.param("number", "T-" + id)
			.param("unit", unit)
			.param("supplier", supplier)
			.param("by", UUID.randomUUID())
			.param("at", opened)
			.param("emergency", emergency)
			.update();
		event(id, action, opened);
		return id;
	}

	private void event(UUID grant, String action, String at) {
		this.jdbc.sql("""
				INSERT INTO security_access_grant_event (grant_id, occurred_at, action)
				VALUES (:grant, CAST(:at AS timestamptz), :action)
				""").param("grant", grant).param("at", at).param("action", action).update();
	}

	private long runs() {
		return this.jdbc.sql("SELECT count(*) FROM security_backup_run WHERE instance_id = :i")
			.param("i", UUID.fromString(this.host))
			.query(Long.class)
			.single();
	}

}
