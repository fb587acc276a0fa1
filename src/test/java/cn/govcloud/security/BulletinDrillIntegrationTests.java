package cn.govcloud.security;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
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
 * Security bulletins and emergency drills (Art. 14): published to the units the supplier
 * serves and nobody else, one bulletin a month, one report per drill, and each fulfils
 * the supplier's obligation in the calendar.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulletinDrillIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataScopes scopes;

	@Autowired
	Bulletins bulletins;

	@Autowired
	Drills drills;

	UUID supplier;

	@BeforeAll
	void theDemoSupplierServesTheUnit() {
		this.supplier = Scenarios.demoSupplier(this.jdbc);
		Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 1);
	}

	@Test
	void aBulletinReachesTheServedUnitsOnlyOnceAMonthAndFulfilsTheObligation() {
		YearMonth month = YearMonth.from(CityTime.today()).minusMonths(1 + (int) (Math.random() * 200));
		Bulletin bulletin = this.bulletins.publish(operator(),
				new BulletinForm(month, "OpenSSH 漏洞", "无", "勒索软件", "及时打补丁"), "通报.pdf", Scenarios.PDF);
		assertThat(count("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id "
				+ "WHERE u.username = 'unitadmin' AND n.link = '/security-bulletins/" + bulletin.id() + "'"))
			.isEqualTo(1);
		assertThat(TestClient.signedIn(this.port, "unitadmin").get("/security-bulletins/" + bulletin.id()).body())
			.contains("OpenSSH 漏洞");
		assertThat(this.jdbc
			.sql("SELECT status FROM reporting_obligation WHERE kind = 'SECURITY_BULLETIN' AND supplier_id = :s "
					+ "AND period_start = :p")
			.param("s", this.supplier)
			.param("p", java.sql.Date.valueOf(month.atDay(1)))
			.query(String.class)
			.single()).isEqualTo("SUBMITTED");

		DataScope notServed = unitNotServed(bulletin.id());
		assertThatThrownBy(() -> this.bulletins.find(notServed, bulletin.id())).isInstanceOf(NotFoundException.class);
		assertThat(this.bulletins.search(notServed, null, 0, 200).items()).extracting(Bulletin::id)
			.doesNotContain(bulletin.id());
		assertThat(this.bulletins.search(otherSupplier(), null, 0, 200).items()).isEmpty();

		assertThatThrownBy(
				() -> this.bulletins.publish(operator(), new BulletinForm(month, "a", "b", "c", "d"), null, null))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).problems().get(0).field()).isEqualTo("period"));
		InvalidInputException blank = (InvalidInputException) org.assertj.core.api.Assertions
			.catchThrowable(() -> this.bulletins.publish(operator(),
					new BulletinForm(YearMonth.from(CityTime.today()).plusMonths(1), " ", null, "c", "d"), null, null));
		assertThat(blank.problems()).extracting(InvalidInputException.FieldProblem::field)
			.containsExactlyInAnyOrder("period", "vulnerabilities", "incidents");
		assertThatThrownBy(() -> this.bulletins.publish(scope("unitadmin"), new BulletinForm(month, "a", "b", "c", "d"),
				null, null))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aDrillIsReportedOnceOfTwoAtOnceItsProblemsFollowedUpOnceAndItsObligationFulfilled() throws Exception {
		Drill drill = this.drills.plan(operator(), new DrillForm("切换方案", "数据库主备切换", CityTime.today(), "运维组、使用单位"));
		assertThat(drill.status()).isEqualTo(Drill.Status.PLANNED);
		List<Object> outcomes = InspectionIntegrationTests.race(
				() -> this.drills.report(operator(), drill.id(), "切换耗时 12 分钟", "告警延迟\n预案缺联系人"),
				() -> this.drills.report(scope("suppliermgr"), drill.id(), "另一份报告", "其他"));
		assertThat(outcomes).filteredOn(Drill.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
		List<Drill.Problem> problems = this.drills.problems(operator(), drill.id());
		assertThat(problems).hasSizeBetween(1, 2);
		assertThat(this.jdbc
			.sql("SELECT status FROM reporting_obligation WHERE kind = 'EMERGENCY_DRILL' AND supplier_id = :s "
					+ "AND period_start <= :d AND period_end >= :d")
			.param("s", this.supplier)
			.param("d", java.sql.Date.valueOf(CityTime.today()))
			.query(String.class)
			.list()).containsAnyOf("SUBMITTED", "ACCEPTED");
		UUID problem = problems.get(0).id();
		List<Object> followUps = InspectionIntegrationTests.race(() -> {
			this.drills.followUp(operator(), drill.id(), problem, "已调整告警阈值");
			return "done";
		}, () -> {
			this.drills.followUp(scope("suppliermgr"), drill.id(), problem, "另一条");
			return "done";
		});
		assertThat(followUps).filteredOn("done"::equals).hasSize(1);
		assertThat(followUps).filteredOn(ConflictException.class::isInstance).hasSize(1);
		assertThat(TestClient.signedIn(this.port, "unitadmin").get("/drills/" + drill.id()).statusCode())
			.isEqualTo(200);
		assertThatThrownBy(() -> this.drills.find(otherSupplier(), drill.id())).isInstanceOf(NotFoundException.class);
	}

	private DataScope unitNotServed(UUID bulletinId) {
		UUID unit = this.jdbc.sql("""
				SELECT id FROM organization WHERE kind = 'UNIT' AND id NOT IN
				  (SELECT unit_id FROM security_bulletin_unit WHERE bulletin_id = :b) LIMIT 1
				""").param("b", bulletinId).query(UUID.class).single();
		return new PeopleScopes(this.jdbc, this.scopes).stranger(unit, OrganizationKind.UNIT, Role.UNIT_ADMIN);
	}

	private DataScope otherSupplier() {
		return new PeopleScopes(this.jdbc, this.scopes).stranger(UUID.randomUUID(), OrganizationKind.SUPPLIER,
				Role.SUPPLIER_OPERATOR);
	}

	private DataScope operator() {
		return scope("operator");
	}

	private DataScope scope(String username) {
		return new PeopleScopes(this.jdbc, this.scopes).of(username);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
