package cn.govcloud.security;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inspections, findings and their rectification (Art. 14) on a real GovCloud: the
 * responsible party responds, the Commission returns or verifies, one decision wins, each
 * deadline notice goes out once, and nobody outside a finding's parties sees it.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataScopes scopes;

	@Autowired
	Inspections inspections;

	@Autowired
	Findings findings;

	@Autowired
	FindingWatch watch;

	Accepted hosts;

	UUID supplier;

	@BeforeAll
	void aSystemOnThePlatformServedByTheDemoSupplier() {
		this.supplier = Scenarios.demoSupplier(this.jdbc);
		this.hosts = Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 1);
	}

	@Test
	void theUnitRespondsTheCommissionReturnsThenVerifiesAndTheClosedFindingIsKept() {
		Finding finding = finding(FindingSeverity.HIGH, Responsible.UNIT, null);
		assertThat(finding.deadline()).isEqualTo(CityTime.today().plusDays(7));
		assertThat(notices("unitadmin", finding, "notice.finding.recorded")).isEqualTo(1);
		assertThat(notices("officer", finding, "notice.finding.recorded")).isEqualTo(1);

		assertThat(this.findings.respond(scope("officer"), finding.id(), "已修改口令策略").status())
			.isEqualTo(FindingStatus.RESPONDED);
		assertThat(notices("manager", finding, "notice.finding.responded")).isEqualTo(1);
		assertThat(this.findings.giveBack(scope("reviewer"), finding.id(), "缺少截图").status())
			.isEqualTo(FindingStatus.OPEN);
		assertThat(notices("unitadmin", finding, "notice.finding.returned")).isEqualTo(1);
		this.findings.respond(scope("unitadmin"), finding.id(), "已补充截图");
		Finding closed = this.findings.verify(scope("manager"), finding.id());
		assertThat(closed.status()).isEqualTo(FindingStatus.CLOSED);
		assertThatThrownBy(() -> this.findings.respond(scope("unitadmin"), finding.id(), "再次"))
			.isInstanceOf(ConflictException.class);
		assertThat(this.jdbc.sql("SELECT action FROM security_finding_event WHERE finding_id = :f ORDER BY id")
			.param("f", finding.id())
			.query(String.class)
			.list()).containsExactly("RECORDED", "RESPONDED", "RETURNED", "RESPONDED", "VERIFIED");

		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		assertThat(unit.get("/findings/" + finding.id()).body()).contains(finding.number()).contains("已补充截图");
		assertThat(unit.get("/systems/" + this.hosts.systemId()).body()).contains(finding.number());
		assertThat(unit.get("/findings?systemId=" + this.hosts.systemId()).body()).contains(finding.number());
		assertThat(unit.get("/inspections/" + finding.inspectionId()).body()).contains(finding.number());
		assertThat(TestClient.signedIn(this.port, "manager").get("/inspections/" + finding.inspectionId()).body())
			.contains(finding.number())
			.contains("finding-form");
	}

	@Test
	void ofTheCommissionVerifyingAndReturningAtOnceOneWinsAndTheOtherIsToldWho() throws Exception {
		for (int round = 0; round < 3; round++) {
			Finding finding = finding(FindingSeverity.MEDIUM, Responsible.UNIT, null);
			this.findings.respond(scope("unitadmin"), finding.id(), "已整改");
			DataScope manager = scope("manager");
			DataScope reviewer = scope("reviewer");
			List<Object> outcomes = race(() -> this.findings.verify(manager, finding.id()),
					() -> this.findings.giveBack(reviewer, finding.id(), "不通过"));
			assertThat(outcomes).filteredOn(Finding.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM security_finding_event WHERE finding_id = :f "
						+ "AND action IN ('VERIFIED', 'RETURNED')")
				.param("f", finding.id())
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		Finding twice = finding(FindingSeverity.LOW, Responsible.UNIT, null);
		List<Object> responses = race(() -> this.findings.respond(scope("unitadmin"), twice.id(), "甲"),
				() -> this.findings.respond(scope("officer"), twice.id(), "乙"));
		assertThat(responses).filteredOn(ConflictException.class::isInstance).hasSize(1);
	}

	@Test
	void theResponsiblePartyIsRemindedBeforeToldAtTheDeadlineAndTheManagerAfterItEachOnce() {
		Finding finding = finding(FindingSeverity.HIGH, Responsible.SUPPLIER, this.supplier);
		LocalDate today = CityTime.today();
		deadline(finding, today.plusDays(10));
		this.watch.tell(today, Instant.now());
		assertThat(notices("suppliermgr", finding, "notice.finding.reminder")).as("too early").isZero();
		deadline(finding, today.plusDays(2));
		this.watch.tell(today, Instant.now());
		this.watch.tell(today, Instant.now());
		assertThat(notices("suppliermgr", finding, "notice.finding.reminder")).isEqualTo(1);
		assertThat(notices("operator", finding, "notice.finding.reminder")).isEqualTo(1);
		assertThat(notices("unitadmin", finding, "notice.finding.reminder")).as("the supplier is responsible").isZero();
		deadline(finding, today);
		this.watch.tell(today, Instant.now());
		this.watch.tell(today, Instant.now());
		assertThat(notices("suppliermgr", finding, "notice.finding.due")).isEqualTo(1);
		assertThat(notices("manager", finding, "notice.finding.overdue")).as("not yet past").isZero();
		deadline(finding, today.minusDays(1));
		this.watch.tell(today, Instant.now());
		this.watch.tell(today, Instant.now());
		assertThat(notices("manager", finding, "notice.finding.overdue")).isEqualTo(1);
		assertThat(notices("reviewer", finding, "notice.finding.overdue")).as("the manager only").isZero();
		assertThat(notices("suppliermgr", finding, "notice.finding.reminder")).isEqualTo(1);
		assertThat(this.findings
			.search(scope("manager"), new FindingFilter(null, null, null, true, null, system(), null), null, 0, 200)
			.items()).extracting(FindingRow::id).contains(finding.id());
	}

	@Test
	void aUnitSeesOnlyItsOwnFindingsAndASupplierOnlyThoseItIsResponsibleFor() {
		Finding unitOwn = finding(FindingSeverity.LOW, Responsible.UNIT, null);
		Finding supplierOwn = finding(FindingSeverity.LOW, Responsible.SUPPLIER, this.supplier);
		TestClient other = TestClient.signedIn(this.port, "unitadmin2");
		assertThat(other.get("/findings/" + unitOwn.id()).statusCode()).isEqualTo(404);
		assertThat(other.get("/findings?size=200").body()).doesNotContain(unitOwn.number())
			.doesNotContain(supplierOwn.number());
		assertThat(other.get("/systems/" + this.hosts.systemId()).body()).doesNotContain(unitOwn.number());
		TestClient operator = TestClient.signedIn(this.port, "operator");
		assertThat(operator.get("/findings/" + supplierOwn.id()).statusCode()).isEqualTo(200);
		assertThat(operator.get("/findings/" + unitOwn.id()).statusCode()).isEqualTo(404);
		assertThat(other.getJson("/api/v1/findings/" + unitOwn.id()).statusCode()).isEqualTo(404);
		assertThat(operator.getJson("/api/v1/findings?size=200").body()).contains(supplierOwn.number())
			.doesNotContain(unitOwn.number());
		assertThat(TestClient.signedIn(this.port, "unitadmin").getJson("/api/v1/findings/tallies").body())
			.contains("宜兴市公安局")
			.doesNotContain(this.jdbc
				.sql("SELECT name FROM organization o JOIN app_user u ON u.organization_id = o.id "
						+ "WHERE u.username = 'unitadmin2'")
				.query(String.class)
				.single());
		assertThatThrownBy(() -> this.findings.respond(scope("operator"), unitOwn.id(), "不是我的"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.findings.respond(scope("unitadmin"), supplierOwn.id(), "不是我的"))
			.as("the unit reads a supplier's finding on its system but does not rectify it")
			.isInstanceOf(NotFoundException.class);

		DataScope anotherSupplier = new PeopleScopes(this.jdbc, this.scopes).stranger(UUID.randomUUID(),
				OrganizationKind.SUPPLIER, Role.SUPPLIER_OPERATOR);
		assertThatThrownBy(() -> this.findings.find(anotherSupplier, supplierOwn.id()))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.findings.search(anotherSupplier, FindingFilter.none(), null, 0, 200).items()).isEmpty();
		assertThat(this.inspections.search(anotherSupplier, null, 0, 200).items()).isEmpty();
		assertThat(this.inspections.search(scope("operator"), null, 0, 200).items()).extracting(Inspection::id)
			.contains(supplierOwn.inspectionId())
			.doesNotContain(unitOwn.inspectionId());
	}

	@Test
	void badInputIsRefusedNamingEachFieldAndWritesNothing() {
		long inspectionsBefore = count("security_inspection");
		InvalidInputException refused = catchInvalid(() -> this.inspections.record(scope("manager"),
				new InspectionForm(" ", InspectedBy.THIRD_PARTY, null, 4, LocalDate.of(2026, 12, 2),
						LocalDate.of(2026, 12, 1), null, List.of(), List.of(UUID.randomUUID()))));
		assertThat(refused.problems()).extracting(InvalidInputException.FieldProblem::field)
			.contains("title", "thirdParty", "protectionLevel", "endsOn", "inspectors", "systemIds");
		assertThat(count("security_inspection")).isEqualTo(inspectionsBefore);

		Inspection inspection = inspection();
		long findingsBefore = count("security_finding");
		InvalidInputException finding = catchInvalid(() -> this.findings.record(scope("manager"), inspection.id(),
				new FindingForm(null, UUID.randomUUID(), "", Responsible.SUPPLIER, null)));
		assertThat(finding.problems()).extracting(InvalidInputException.FieldProblem::field)
			.contains("severity", "systemId", "description", "supplierId");
		UUID stranger = this.jdbc.sql("SELECT id FROM organization WHERE kind = 'UNIT' AND name <> '宜兴市公安局' LIMIT 1")
			.query(UUID.class)
			.single();
		assertThat(catchInvalid(() -> this.findings.record(scope("manager"), inspection.id(),
				new FindingForm(FindingSeverity.LOW, system(), "x", Responsible.SUPPLIER, stranger)))
			.problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("supplierId");
		assertThat(count("security_finding")).isEqualTo(findingsBefore);
		assertThatThrownBy(() -> this.findings.record(scope("unitadmin"), inspection.id(),
				new FindingForm(FindingSeverity.LOW, system(), "x", Responsible.UNIT, null)))
			.as("only the Commission records findings")
			.isInstanceOf(NotFoundException.class);

		TestClient manager = TestClient.signedIn(this.port, "manager");
		HttpResponse<String> page = manager.postForm("/inspections",
				Map.of("title", "检查", "inspectedBy", "COMMISSION", "protectionLevel", "3", "startsOn", "2026-12-05",
						"endsOn", "2026-12-01", "inspectors", "张三", "systemIds", this.hosts.systemId()));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("结束日期不能早于开始日期");
		assertThat(manager.postForm("/inspections", Map.of("startsOn", "not-a-date")).statusCode()).isBetween(400, 499);
		assertThat(count("security_inspection")).isEqualTo(inspectionsBefore + 1);
	}

	private Inspection inspection() {
		return this.inspections.record(scope("manager"), new InspectionForm("年度等保检查", InspectedBy.THIRD_PARTY,
				"江苏等保测评中心", 3, CityTime.today(), CityTime.today().plusDays(3), "张三、李四", List.of(), List.of(system())));
	}

	private Finding finding(FindingSeverity severity, Responsible responsible, UUID supplierId) {
		Inspection inspection = inspection();
		assertThat(this.inspections.checks(scope("manager"), inspection.id())).hasSize(7);
		return this.findings.record(scope("manager"), inspection.id(),
				new FindingForm(severity, system(), "弱口令 " + UUID.randomUUID(), responsible, supplierId));
	}

	private UUID system() {
		return UUID.fromString(this.hosts.systemId());
	}

	private void deadline(Finding finding, LocalDate day) {
		this.jdbc.sql("UPDATE security_finding SET deadline = :d WHERE id = :id")
			.param("d", java.sql.Date.valueOf(day))
			.param("id", finding.id())
			.update();
	}

	private long notices(String username, Finding finding, String code) {
		return this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
				WHERE u.username = :user AND n.code = :code AND n.link = :link
				""")
			.param("user", username)
			.param("code", code)
			.param("link", FindingNotices.link(finding.id()))
			.query(Long.class)
			.single();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static InvalidInputException catchInvalid(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			return ex;
		}
		throw new AssertionError("not refused");
	}

	/** Runs both at once; each outcome is its result or what it threw. */
	static List<Object> race(Callable<?> a, Callable<?> b) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> futures = List.of(pool.submit(() -> outcome(start, a)),
					pool.submit(() -> outcome(start, b)));
			start.countDown();
			return List.of(futures.get(0).get(), futures.get(1).get());
		}
		finally {
			pool.shutdown();
		}
	}

	private static Object outcome(CountDownLatch start, Callable<?> action) throws InterruptedException {
		start.await();
		try {
			return action.call();
		}
		catch (Exception ex) {
			return ex;
		}
	}

	private DataScope scope(String username) {
		return new PeopleScopes(this.jdbc, this.scopes).of(username);
	}

}
