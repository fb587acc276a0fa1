package cn.govcloud.world;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import cn.govcloud.TestClient;
import cn.govcloud.audit.AuditVerification;
import cn.govcloud.inventory.ConsistencyCheck;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small world generated on the first start of its own database (a data directory of its
 * own, so the other tests' shared database stays as they expect) passes GovCloud's own
 * checks, holds every status of every module, and its people can sign in and find their
 * work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govcloud.embedded-db.data-dir=${java.io.tmpdir}/govcloud-world-it-${random.uuid}",
				"govcloud.world.tier=custom", "govcloud.world.units=8", "govcloud.world.systems=40",
				"govcloud.world.hosts=90", "govcloud.world.days=10", "govcloud.world.utilisation-in-background=false" })
@ActiveProfiles("test")
class WorldIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConsistencyCheck consistency;

	@Autowired
	AuditVerification audit;

	@Autowired
	World world;

	@Test
	void theWorldPassesGovCloudsOwnChecks() {
		assertThat(this.world.exists()).isTrue();
		assertThat(this.consistency.violations()).isEmpty();
		var verified = this.audit.verify();
		assertThat(verified.intact()).as(verified.toString()).isTrue();
		assertThat(verified.checked()).isGreaterThan(200);
		// Its people's and units' phone numbers are SM4-sealed like any other (ADR 0033).
		assertThat(this.jdbc.sql("SELECT count(*) FROM organization WHERE contact_phone NOT LIKE 'sm4:%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void everyStatusOfEveryModuleIsThere() {
		assertThat(values("SELECT DISTINCT hosting_status FROM application_system")).contains("ON_PLATFORM", "PLANNED",
				"LEGACY_SELF_HOSTED", "MIGRATING", "EXEMPT", "OFFLINE");
		assertThat(values("SELECT DISTINCT status FROM resource_application")).contains("DRAFT", "SUBMITTED",
				"RETURNED", "APPROVED");
		assertThat(values("SELECT DISTINCT decision FROM resource_application WHERE decision IS NOT NULL"))
			.contains("APPROVED", "RETURNED");
		assertThat(values("SELECT DISTINCT status FROM contract")).contains("SUBMITTED", "ACTIVE");
		assertThat(values("SELECT DISTINCT status || kind FROM work_order")).contains("OPENPROVISION",
				"COMPLETEDPROVISION", "ACCEPTEDPROVISION", "COMPLETEDRECLAIM");
		assertThat(values("SELECT DISTINCT state FROM instance")).contains("PROVISIONING", "ACTIVE", "RECLAIMED");
		assertThat(values("SELECT DISTINCT status FROM termination")).contains("RECLAIMED");
		assertThat(count("SELECT count(*) FROM contract_version WHERE version > 1")).isPositive();
		assertThat(count("SELECT count(*) FROM instance WHERE kind_code = 'CLOUD_HOST' AND state <> 'PROVISIONING'"))
			.isBetween(60L, 120L);
		assertThat(count("SELECT count(*) FROM organization WHERE kind = 'UNIT'")).isGreaterThanOrEqualTo(8);
		assertThat(count("SELECT count(*) FROM application_system")).isEqualTo(40);
		assertThat(count("SELECT count(*) FROM notification WHERE read_at IS NULL")).isPositive();
	}

	@Test
	void contractTotalsAgreeWithTheirLines() {
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		List<UUID> contracts = this.jdbc.sql("SELECT id FROM contract WHERE status IN ('ACTIVE', 'FILED')")
			.query(UUID.class)
			.list();
		assertThat(contracts).isNotEmpty();
		for (UUID id : contracts) {
			HttpResponse<String> contract = reviewer.getJson("/api/v1/contracts/" + id);
			assertThat(contract.statusCode()).as(contract.body()).isEqualTo(200);
			BigDecimal monthly = this.jdbc.sql("""
					SELECT coalesce(sum(round(cl.quantity * cl.unit_price, 2)), 0) FROM contract c
					JOIN contract_line cl ON cl.contract_id = c.id AND cl.version = c.version WHERE c.id = :id
					""").param("id", id).query(BigDecimal.class).single();
			BigDecimal paid = this.jdbc.sql("SELECT coalesce(sum(amount), 0) FROM payment WHERE contract_id = :id")
				.param("id", id)
				.query(BigDecimal.class)
				.single();
			assertThat(new BigDecimal(JsonPath.read(contract.body(), "$.totals.monthly").toString()))
				.as(contract.body())
				.isEqualByComparingTo(monthly);
			assertThat(new BigDecimal(JsonPath.read(contract.body(), "$.totals.paid").toString()))
				.isEqualByComparingTo(paid);
			assertThat(new BigDecimal(JsonPath.read(contract.body(), "$.totals.outstanding").toString()))
				.isGreaterThanOrEqualTo(BigDecimal.ZERO);
		}
	}

	@Test
	void itsPeopleSignInAndFindTheirWork() {
		String generated = this.jdbc
			.sql("SELECT username FROM app_user WHERE username LIKE 'w%admin' ORDER BY username LIMIT 1")
			.query(String.class)
			.single();
		TestClient admin = TestClient.signedIn(this.port, generated);
		assertThat(admin.getJson("/api/v1/systems").body()).contains("\"name\"");
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		String queue = reviewer.getJson("/api/v1/applications?status=SUBMITTED").body();
		assertThat(queue).contains("SUBMITTED");
		TestClient operator = TestClient.signedIn(this.port, "operator");
		HttpResponse<String> orders = operator.get("/work-orders");
		assertThat(orders.statusCode()).isEqualTo(200);
		assertThat(orders.body()).contains("/work-orders/");
	}

	@Test
	void aYearOfTicketsWithFiguresTheServiceDeskAgreesWithAndAttainmentPerSupplier() {
		assertThat(values("SELECT DISTINCT status FROM servicedesk_ticket")).contains("CLOSED");
		assertThat(values("SELECT DISTINCT priority FROM servicedesk_ticket")).contains("P1", "P2", "P3", "P4");
		long tickets = count("SELECT count(*) FROM servicedesk_ticket");
		assertThat(tickets).isBetween(200L, 400L);
		assertThat(count("SELECT count(*) FROM servicedesk_pause WHERE kind = 'WAITING_ON_UNIT'")).isPositive();
		assertThat(count("SELECT count(*) FROM servicedesk_rating")).isGreaterThan(tickets / 3);
		assertThat(count("SELECT count(*) FROM servicedesk_ticket WHERE response_breached_at IS NOT NULL"))
			.isBetween(1L, tickets / 3);
		assertThat(count("""
				SELECT count(*) FROM servicedesk_ticket t WHERE (SELECT count(*) FROM servicedesk_ticket_event e
				WHERE e.ticket_id = t.id) < 2 AND t.status <> 'OPEN'
				""")).as("a ledger row per step").isZero();
		TestClient manager = TestClient.signedIn(this.port, "manager");
		List<UUID> sample = this.jdbc
			.sql("""
					(SELECT id FROM servicedesk_ticket WHERE status = 'CLOSED' AND working_time ORDER BY number LIMIT 15)
					UNION ALL
					(SELECT id FROM servicedesk_ticket WHERE status = 'CLOSED' AND NOT working_time ORDER BY number LIMIT 15)
					UNION ALL
					(SELECT ticket_id FROM servicedesk_pause WHERE kind = 'WAITING_ON_UNIT' AND ended_at IS NOT NULL LIMIT 10)
					""")
			.query(UUID.class)
			.list();
		for (UUID id : sample) {
			String view = manager.getJson("/api/v1/tickets/" + id).body();
			assertThat((Integer) JsonPath.read(view, "$.response.elapsedMinutes")).as(view)
				.isEqualTo(JsonPath.read(view, "$.ticket.responseMinutes"));
			if (JsonPath.<Object>read(view, "$.ticket.resolutionMinutes") != null) {
				assertThat((Integer) JsonPath.read(view, "$.resolution.elapsedMinutes")).as(view)
					.isEqualTo(JsonPath.read(view, "$.ticket.resolutionMinutes"));
			}
		}
		UUID supplier = this.jdbc.sql("SELECT supplier_id FROM servicedesk_ticket LIMIT 1").query(UUID.class).single();
		String attainment = manager.getJson("/api/v1/tickets/attainment?supplierId=" + supplier).body();
		assertThat(JsonPath.<List<Object>>read(attainment, "$[*]")).as(attainment).isNotEmpty();
		assertThat(JsonPath.<List<String>>read(attainment, "$[*].supplierId")).containsOnly(supplier.toString());
	}

	@Test
	void inspectionsWithOpenOverdueAndClosedFindingsBulletinsAndDrillsAsTheSecurityModuleWritesThem() {
		assertThat(count("SELECT count(*) FROM security_inspection")).isGreaterThanOrEqualTo(3);
		assertThat(values("SELECT DISTINCT status FROM security_finding")).contains("CLOSED");
		assertThat(count("SELECT count(*) FROM security_finding WHERE status <> 'CLOSED'")).isPositive();
		// A finding names a system in its inspection's scope, and a supplier only when it
		// is responsible (the module's CHECK and FindingOpening).
		assertThat(count("""
				SELECT count(*) FROM security_finding f WHERE NOT EXISTS (SELECT 1 FROM security_inspection_system s
				WHERE s.inspection_id = f.inspection_id AND s.system_id = f.system_id)
				""")).isZero();
		// Each overdue finding escalated once, to the Commission's managers.
		long overdue = count(
				"SELECT count(*) FROM security_finding WHERE status <> 'CLOSED' AND deadline < CAST(now() AT TIME ZONE 'Asia/Shanghai' AS date)");
		assertThat(count("SELECT count(*) FROM security_finding WHERE escalated_at IS NOT NULL")).isEqualTo(overdue);
		assertThat(count("SELECT count(*) FROM security_finding WHERE status = 'CLOSED' AND decided_at IS NULL"))
			.isZero();
		assertThat(count("SELECT count(*) FROM security_bulletin")).isPositive();
		assertThat(count("SELECT count(*) FROM security_bulletin_unit")).isPositive();
		assertThat(count("SELECT count(*) FROM security_drill WHERE status = 'REPORTED'")).isPositive();
		String page = TestClient.signedIn(this.port, "manager").get("/findings").body();
		assertThat(page).contains("city-tally");
	}

	@Test
	void backupPoliciesWithAbout35DaysOfRunsAFewFailedOrMissedAndARestoreTest() {
		assertThat(count("SELECT count(*) FROM security_backup_policy")).isPositive();
		long runs = count("SELECT count(*) FROM security_backup_run");
		assertThat(runs).isGreaterThan(30);
		long failed = count("SELECT count(*) FROM security_backup_run WHERE result = 'FAILED'");
		assertThat(failed).isPositive().isLessThan(runs / 10);
		assertThat(count("SELECT count(*) FROM security_restore_test")).isPositive();
		assertThat(count("SELECT count(*) FROM security_backup_run WHERE started_at > now()")).isZero();
		UUID unit = this.jdbc.sql("SELECT unit_id FROM security_backup_policy ORDER BY id LIMIT 1")
			.query(UUID.class)
			.single();
		String admin = this.jdbc.sql("""
				SELECT u.username FROM app_user u JOIN user_role r ON r.user_id = u.id
				WHERE u.organization_id = :unit AND r.role = 'UNIT_ADMIN' LIMIT 1
				""").param("unit", unit).query(String.class).single();
		String month = java.time.YearMonth.from(cn.govcloud.shared.CityTime.today().minusDays(1)).toString();
		String status = TestClient.signedIn(this.port, admin)
			.getJson("/api/v1/backups/status?size=200&month=" + month)
			.body();
		assertThat(JsonPath.<List<String>>read(status, "$[*].policy.unitId")).isNotEmpty()
			.containsOnly(unit.toString());
		assertThat(JsonPath.<List<String>>read(status, "$[*].instances[*].periods[*].outcome")).contains("MET");
	}

	@Test
	void aYearOfAccessGrantsWhoseSessionsTheGrantsCoverExceptTheViolationsToldToUnitAndCommission() {
		assertThat(values("SELECT DISTINCT status FROM security_access_grant")).contains("APPROVED", "REFUSED",
				"REVOKED");
		assertThat(count("SELECT count(*) FROM security_access_grant")).isBetween(100L, 220L);
		assertThat(count("SELECT count(*) FROM security_access_grant WHERE emergency")).isPositive();
		assertThat(count("SELECT count(*) FROM security_access_event WHERE NOT violation")).isGreaterThan(100);
		long violations = count("SELECT count(*) FROM security_access_event WHERE violation");
		assertThat(violations).isPositive();
		// The module's rule (AccessGrant.covers): the instance granted, the session
		// inside
		// the window while the grant was in force.
		assertThat(count("""
				SELECT count(*) FROM security_access_event e JOIN security_access_grant g ON g.id = e.grant_id
				WHERE NOT (e.instance_id = ANY(g.granted_instances) AND e.started_at >= g.granted_from
				           AND e.ended_at <= least(g.granted_until, coalesce(g.ended_at, g.granted_until)))
				""")).isZero();
		assertThat(count("SELECT count(*) FROM notification WHERE code = 'notice.access.violation'"))
			.isGreaterThanOrEqualTo(violations * 2);
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'security.access.violation'"))
			.isEqualTo(violations);
		UUID unit = this.jdbc.sql("SELECT unit_id FROM security_access_grant LIMIT 1").query(UUID.class).single();
		String admin = this.jdbc.sql("""
				SELECT u.username FROM app_user u JOIN user_role r ON r.user_id = u.id
				WHERE u.organization_id = :unit AND r.role = 'UNIT_ADMIN' LIMIT 1
				""").param("unit", unit).query(String.class).single();
		String grants = TestClient.signedIn(this.port, admin).getJson("/api/v1/access-grants?size=200").body();
		assertThat(JsonPath.<List<String>>read(grants, "$.items[*].unitName")).isNotEmpty()
			.containsOnly(this.jdbc.sql("SELECT name FROM organization WHERE id = :unit")
				.param("unit", unit)
				.query(String.class)
				.single());
	}

	@Test
	void theCityOpensWithTodaysRightsizingRecommendationsFromItsUtilisation() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM rightsizing_recommendation WHERE computed_on = :today")
			.param("today", CityTime.today())
			.query(Long.class)
			.single()).isPositive();
		assertThat(values("SELECT DISTINCT action FROM rightsizing_recommendation"))
			.as("judged from measured days, not only 'insufficient data'")
			.containsAnyOf("DOWNSIZE", "RELEASE", "UPSIZE", "KEEP");
	}

	@Test
	void theLastMonthsReportsAndObligationsAreThereSomeLateSomeReturned() {
		assertThat(values("SELECT DISTINCT status FROM reporting_report")).contains("SUBMITTED", "ACKNOWLEDGED");
		assertThat(count("SELECT count(DISTINCT month) FROM reporting_report")).isEqualTo(World.REPORT_MONTHS);
		assertThat(count("""
				SELECT count(*) FROM reporting_report
				WHERE (submitted_at AT TIME ZONE 'Asia/Shanghai')::date > due_on""")).as("some submitted late")
			.isPositive();
		assertThat(count("SELECT count(*) FROM reporting_report WHERE status <> 'DRAFT' AND due_on >= current_date"))
			.as("a report whose due day is ahead stays a draft")
			.isZero();
		assertThat(count("""
				SELECT count(*) FROM reporting_obligation o JOIN reporting_report r ON r.id = o.report_id
				WHERE o.kind = 'MONTHLY_REPORT' AND o.status IN ('SUBMITTED', 'ACCEPTED')""")).isPositive();
		assertThat(values("SELECT DISTINCT status FROM reporting_obligation WHERE kind <> 'MONTHLY_REPORT'"))
			.contains("ACCEPTED", "RETURNED");
		assertThat(count("SELECT count(*) FROM reporting_obligation_event")).isPositive();
		String supplier = this.jdbc.sql("""
				SELECT u.username FROM app_user u JOIN user_role r ON r.user_id = u.id
				JOIN reporting_report p ON p.supplier_id = u.organization_id
				WHERE r.role = 'SUPPLIER_MANAGER' AND p.status = 'ACKNOWLEDGED' LIMIT 1
				""").query(String.class).single();
		assertThat(TestClient.signedIn(this.port, supplier).get("/reports?status=ACKNOWLEDGED").body())
			.contains("/reports/");
	}

	@Test
	void itsHostsHaveUtilisationShapedByTheDay() {
		String points = cpuOfAHostActiveFor(5, 2);
		List<Double> averages = JsonPath.<List<Number>>read(points, "$[*].avg")
			.stream()
			.map(Number::doubleValue)
			.toList();
		assertThat(averages).as(points).hasSizeGreaterThan(20).allSatisfy((v) -> assertThat(v).isBetween(0.0, 1.0));
		assertThat(averages.stream().distinct().count()).isGreaterThan(10);
	}

	@Test
	void everyHostsWholeHistoryIsWrittenNotOnlyItsLastDays() {
		java.time.Instant to = java.time.Instant.now();
		String points = cpuOfAHostActiveFor(12, 10);
		List<String> times = JsonPath.read(points, "$[*].at");
		assertThat(times).as(points).isNotEmpty();
		java.time.Instant earliest = times.stream()
			.map(java.time.Instant::parse)
			.min(java.util.Comparator.naturalOrder())
			.orElseThrow();
		assertThat(earliest).as("the oldest point of ten days").isBefore(to.minus(java.time.Duration.ofDays(8)));
	}

	/**
	 * The CPU chart's points of the last {@code days}, as the reviewer reads them, of the
	 * first host active for at least {@code activeDays}.
	 */
	private String cpuOfAHostActiveFor(int activeDays, int days) {
		UUID host = this.jdbc.sql("""
				SELECT id FROM instance WHERE kind_code = 'CLOUD_HOST' AND state = 'ACTIVE'
				  AND active_from <= current_date - :days ORDER BY cloud_instance_id LIMIT 1
				""").param("days", activeDays).query(UUID.class).single();
		java.time.Instant to = java.time.Instant.now();
		return TestClient.signedIn(this.port, "reviewer")
			.getJson("/api/v1/metering/instances/" + host + "/utilisation?metric=CPU&from="
					+ to.minus(java.time.Duration.ofDays(days)) + "&to=" + to)
			.body();
	}

	@Test
	void lastYearsSurveyIsAnsweredAndTheFinanceBureauReadsTheCitysBudget() {
		String survey = values("SELECT id FROM survey ORDER BY opened_at LIMIT 1").get(0);
		String results = TestClient.signedIn(this.port, "reviewer").getJson("/api/v1/surveys/" + survey).body();
		assertThat(JsonPath.<Integer>read(results, "$.city.respondents")).isPositive();
		assertThat(JsonPath.<Double>read(results, "$.city.overall")).isBetween(1.0, 5.0);
		int year = java.time.LocalDate.now().getYear();
		String budget = TestClient.signedIn(this.port, "finance").getJson("/api/v1/finance/budget?year=" + year).body();
		assertThat(JsonPath.<Double>read(budget, "$.city.fees")).isPositive();
		assertThat(JsonPath.<List<Object>>read(budget, "$.units[*]")).isNotEmpty();
		// last year's assessments: every supplier with a score from last year's records
		// is
		// final, with its rules version and payment ratio; one without a score is not
		// issued
		for (String supplier : values("SELECT id::text FROM organization WHERE kind = 'SUPPLIER'")) {
			String assessment = TestClient.signedIn(this.port, "reviewer")
				.getJson("/api/v1/assessment/" + (year - 1) + "/suppliers/" + supplier)
				.body();
			java.util.Map<String, Object> body = JsonPath.read(assessment, "$");
			if (body.get("issued") == null) {
				assertThat(JsonPath.<java.util.Map<String, Object>>read(assessment, "$.score")).as(supplier)
					.doesNotContainKey("total");
			}
			else {
				assertThat(JsonPath.<String>read(assessment, "$.issued.status")).isEqualTo("FINAL");
				assertThat(JsonPath.<Integer>read(assessment, "$.ratioPercent")).isIn(80, 90, 95, 100);
				assertThat(JsonPath.<List<Object>>read(assessment, "$.score.lines[*]")).hasSize(8);
			}
		}
	}

	private List<String> values(String sql) {
		return this.jdbc.sql(sql).query(String.class).list();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
