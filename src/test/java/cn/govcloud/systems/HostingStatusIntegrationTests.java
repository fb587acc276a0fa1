package cn.govcloud.systems;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.govcloud.TestClient.race;
import static cn.govcloud.systems.SystemsApi.detail;
import static cn.govcloud.systems.SystemsApi.field;
import static cn.govcloud.systems.SystemsApi.move;
import static cn.govcloud.systems.SystemsApi.register;
import static cn.govcloud.systems.SystemsApi.status;
import static cn.govcloud.systems.SystemsApi.statusOf;
import static cn.govcloud.systems.SystemsApi.today;
import static cn.govcloud.systems.SystemsApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Hosting-status transitions (Art. 3) through the API, on real PostgreSQL. */
@GovCloudIntegrationTest
class HostingStatusIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationSystems systems;

	@Autowired
	DataScopes scopes;

	@Autowired
	Users users;

	@Test
	void aUnitMigratesASelfHostedSystemAndLaterTakesItOffline() {
		TestClient unit = TestClient.signedIn(this.port, "unitmember");
		String id = register(unit, unique("社保查询系统"), "LEGACY_SELF_HOSTED");
		LocalDate target = today().plusMonths(3);
		HttpResponse<String> migrating = status(unit, id, "{\"status\":\"MIGRATING\",\"targetDate\":\"" + target
				+ "\",\"expectedStatus\":\"LEGACY_SELF_HOSTED\"}");
		assertThat(migrating.statusCode()).as(migrating.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(migrating.body(), "$.hostingStatus")).isEqualTo("MIGRATING");
		assertThat((String) JsonPath.read(migrating.body(), "$.migrationTargetOn")).isEqualTo(target.toString());
		move(unit, id, "{\"status\":\"MIGRATING\",\"targetDate\":\"" + target.plusMonths(1) + "\"}");
		assertThat((String) JsonPath.read(unit.getJson("/api/v1/systems/" + id).body(), "$.migrationTargetOn"))
			.isEqualTo(target.plusMonths(1).toString());
		HttpResponse<String> arrived = status(unit, id, "{\"status\":\"ON_PLATFORM\"}");
		assertThat((String) JsonPath.read(arrived.body(), "$.hostingStatus")).isEqualTo("ON_PLATFORM");
		assertThat(arrived.body()).doesNotContain("migrationTargetOn");
		move(unit, id, "{\"status\":\"OFFLINE\",\"reason\":\"业务并入省级平台\"}");

		String history = unit.getJson("/api/v1/systems/" + id + "/status-history").body();
		assertThat(JsonPath.<List<String>>read(history, "$[*].to")).containsExactly("OFFLINE", "ON_PLATFORM",
				"MIGRATING", "MIGRATING");
		assertThat((String) JsonPath.read(history, "$[0].reason")).isEqualTo("业务并入省级平台");
		assertThat(JsonPath.<List<String>>read(history, "$[*].actor")).containsOnly("公安局经办人 刘洋");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'system.status' AND target LIKE :t")
			.param("t", "system:" + id + "%")
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void aPlannedSystemIsBuiltOnThePlatformOrAbandoned() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String built = register(unit, unique("一网通办"), "PLANNED");
		move(unit, built, "{\"status\":\"ON_PLATFORM\"}");
		assertThat(statusOf(unit, built)).isEqualTo("ON_PLATFORM");
		String abandoned = register(unit, unique("旧方案"), "PLANNED");
		move(unit, abandoned, "{\"status\":\"OFFLINE\",\"reason\":\"需求取消\"}");
		assertThat(statusOf(unit, abandoned)).isEqualTo("OFFLINE");
	}

	@Test
	void aRefusedTransitionNamesTheCurrentAndTheWantedStatus() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String id = register(unit, unique("规划系统"), "PLANNED");
		HttpResponse<String> refused = status(unit, id,
				"{\"status\":\"MIGRATING\",\"targetDate\":\"" + today().plusDays(30) + "\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(field(refused)).isEqualTo("hostingStatus");
		assertThat(detail(refused)).contains("“规划中”").contains("“迁移中”");

		move(unit, id, "{\"status\":\"OFFLINE\",\"reason\":\"需求取消\"}");
		for (String wanted : List.of("ON_PLATFORM", "LEGACY_SELF_HOSTED", "PLANNED", "OFFLINE")) {
			HttpResponse<String> fromOffline = status(unit, id, "{\"status\":\"" + wanted + "\",\"reason\":\"再试\"}");
			assertThat(fromOffline.statusCode()).as(wanted).isEqualTo(400);
			assertThat(detail(fromOffline)).as(wanted).contains("“已下线”");
		}
		assertThat(detail(status(unit, id, "{\"status\":\"ON_PLATFORM\"}"))).contains("“已下线”").contains("“已上云”");
		assertThat(statusOf(unit, id)).isEqualTo("OFFLINE");
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingChanges() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String id = register(unit, unique("自建系统"), "LEGACY_SELF_HOSTED");
		assertThat(field(status(unit, id, "{\"status\":\"MIGRATING\"}"))).isEqualTo("targetDate");
		assertThat(field(status(unit, id, "{\"status\":\"MIGRATING\",\"targetDate\":\"" + today() + "\"}")))
			.isEqualTo("targetDate");
		assertThat(field(status(unit, id, "{\"status\":\"MIGRATING\",\"targetDate\":\"2027-02-30\"}")))
			.isEqualTo("targetDate");
		assertThat(field(status(unit, id, "{\"status\":\"MIGRATING\",\"targetDate\":\"soon\"}")))
			.isEqualTo("targetDate");
		assertThat(field(status(unit, id, "{\"status\":\"OFFLINE\"}"))).isEqualTo("reason");
		HttpResponse<String> longReason = status(unit, id,
				"{\"status\":\"OFFLINE\",\"reason\":\"" + "长".repeat(501) + "\"}");
		assertThat(longReason.statusCode()).isEqualTo(400);
		assertThat(field(longReason)).isEqualTo("reason");
		assertThat(field(status(unit, id, "{\"status\":\"EXEMPT\",\"exemptionBasis\":\"" + "据".repeat(2001) + "\"}")))
			.isEqualTo("exemptionBasis");
		assertThat(field(status(unit, id, "{\"status\":\"FLYING\"}"))).isEqualTo("status");
		assertThat(field(status(unit, id, "{\"reason\":\"x\"}"))).isEqualTo("status");
		assertThat(field(status(unit, id, "{\"status\":\"EXEMPT\",\"exemptionBasis\":\"依据\",\"documentVersion\":0}")))
			.isEqualTo("documentVersion");
		assertThat(statusOf(unit, id)).isEqualTo("LEGACY_SELF_HOSTED");
		assertThat(unit.getJson("/api/v1/systems/" + id + "/status-history").body()).isEqualTo("[]");
	}

	@Test
	void aStatusChangedUnderTheCallerIsAConflictNamingTheStatusNow() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String id = register(unit, unique("冲突系统"), "PLANNED");
		move(unit, id, "{\"status\":\"ON_PLATFORM\"}");
		HttpResponse<String> stale = status(unit, id,
				"{\"status\":\"OFFLINE\",\"reason\":\"放弃\",\"expectedStatus\":\"PLANNED\"}");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(detail(stale)).contains("“已上云”").contains("“规划中”");
		assertThat(statusOf(unit, id)).isEqualTo("ON_PLATFORM");
	}

	@Test
	void ofTwoConcurrentChangesExactlyOneApplies() throws Exception {
		TestClient admin = TestClient.signedIn(this.port, "unitadmin");
		TestClient member = TestClient.signedIn(this.port, "unitmember");
		for (boolean expected : List.of(true, false)) {
			for (int round = 0; round < 3; round++) {
				String id = register(admin, unique("并发系统"), "LEGACY_SELF_HOSTED");
				move(admin, id, "{\"status\":\"MIGRATING\",\"targetDate\":\"" + today().plusMonths(2) + "\"}");
				String guard = expected ? ",\"expectedStatus\":\"MIGRATING\"" : "";
				List<HttpResponse<String>> answers = race(
						() -> status(admin, id, "{\"status\":\"ON_PLATFORM\"" + guard + "}"), () -> status(member, id,
								"{\"status\":\"LEGACY_SELF_HOSTED\",\"reason\":\"经费未落实\"" + guard + "}"));
				List<Integer> codes = answers.stream().map(HttpResponse::statusCode).toList();
				assertThat(codes).as("%s", answers.stream().map(HttpResponse::body).toList())
					.containsExactlyInAnyOrder(200, expected ? 409 : 400);
				HttpResponse<String> loser = answers.stream().filter((a) -> a.statusCode() != 200).findFirst().get();
				String winner = statusOf(admin, id);
				assertThat(winner).isIn("ON_PLATFORM", "LEGACY_SELF_HOSTED");
				// The loser is told what the status is now.
				assertThat(detail(loser)).contains(winner.equals("ON_PLATFORM") ? "“已上云”" : "“自建运行”");
				assertThat(this.jdbc.sql("SELECT count(*) FROM system_status_change WHERE system_id = :id")
					.param("id", UUID.fromString(id))
					.query(Long.class)
					.single()).isEqualTo(2);
			}
		}
	}

	@Test
	void anApprovedTerminationTakesASystemOfflineWithoutADataScope() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String id = register(unit, unique("终止系统"), "LEGACY_SELF_HOSTED");
		move(unit, id, "{\"status\":\"MIGRATING\",\"targetDate\":\"" + today().plusMonths(2) + "\"}");
		ApplicationSystem offline = this.systems.markOffline(UUID.fromString(id), "终止使用申请已批准（第九条）");
		assertThat(offline.hostingStatus()).isEqualTo(HostingStatus.OFFLINE);
		assertThat(offline.migrationTargetOn()).isNull();
		assertThat(this.systems.markOffline(UUID.fromString(id), "再次终止").hostingStatus())
			.isEqualTo(HostingStatus.OFFLINE);
		String history = unit.getJson("/api/v1/systems/" + id + "/status-history").body();
		assertThat(JsonPath.<List<String>>read(history, "$[*].to")).containsExactly("OFFLINE", "MIGRATING");
		assertThat((String) JsonPath.read(history, "$[0].actor")).isEqualTo("system");
		assertThat(this.jdbc
			.sql("SELECT actor FROM audit_event WHERE action = 'system.status' AND target LIKE :t "
					+ "ORDER BY seq DESC LIMIT 1")
			.param("t", "system:" + id + "%")
			.query(String.class)
			.single()).isEqualTo("system");
	}

	@Test
	void theNamedTransitionsApplyTheSamePolicyForJavaCallers() {
		DataScope scope = this.scopes.of(this.users
			.principalOf(
					this.jdbc.sql("SELECT id FROM app_user WHERE username = 'unitadmin'").query(UUID.class).single())
			.orElseThrow());
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		UUID planned = UUID.fromString(register(unit, unique("命名方法"), "PLANNED"));
		assertThat(this.systems.putOnPlatform(scope, planned).hostingStatus()).isEqualTo(HostingStatus.ON_PLATFORM);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.systems.scheduleMigration(scope, planned, today().plusDays(9)))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(FieldProblem::code)
				.containsExactly("system.status.refused"));
		assertThat(this.systems.takeOffline(scope, planned, "停用").hostingStatus()).isEqualTo(HostingStatus.OFFLINE);

		UUID legacy = UUID.fromString(register(unit, unique("命名方法"), "LEGACY_SELF_HOSTED"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.systems.scheduleMigration(scope, legacy, today()))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("targetDate"));
		assertThat(this.systems.scheduleMigration(scope, legacy, today().plusDays(9)).migrationTargetOn())
			.isEqualTo(today().plusDays(9));
		assertThat(this.systems.returnToSelfHosting(scope, legacy, "预算取消").hostingStatus())
			.isEqualTo(HostingStatus.LEGACY_SELF_HOSTED);
		DataScope other = this.scopes.of(this.users
			.principalOf(
					this.jdbc.sql("SELECT id FROM app_user WHERE username = 'unitadmin2'").query(UUID.class).single())
			.orElseThrow());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.systems.takeOffline(other, legacy, "越权"));
	}

	@Test
	void onlyTheUnitChangesItsSystemsStatus() {
		String id = register(TestClient.signedIn(this.port, "unitadmin"), unique("单位系统"), "PLANNED");
		for (String outsider : List.of("reviewer", "manager", "officer", "finance", "operator")) {
			HttpResponse<String> denied = status(TestClient.signedIn(this.port, outsider), id,
					"{\"status\":\"ON_PLATFORM\"}");
			assertThat(denied.statusCode()).as(outsider).isEqualTo(403);
		}
		assertThat(statusOf(TestClient.signedIn(this.port, "unitadmin"), id)).isEqualTo("PLANNED");
	}

}
