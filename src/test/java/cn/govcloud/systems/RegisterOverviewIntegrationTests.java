package cn.govcloud.systems;

import java.net.http.HttpResponse;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.shared.DataScopes;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.govcloud.systems.SystemsApi.move;
import static cn.govcloud.systems.SystemsApi.register;
import static cn.govcloud.systems.SystemsApi.today;
import static cn.govcloud.systems.SystemsApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The Commission's view of the register (Art. 3, 15). */
@GovCloudIntegrationTest
class RegisterOverviewIntegrationTests {

	static final Map<String, String> FIELDS = Map.of("PLANNED", "planned", "ON_PLATFORM", "onPlatform",
			"LEGACY_SELF_HOSTED", "legacySelfHosted", "MIGRATING", "migrating", "EXEMPT", "exempt", "OFFLINE",
			"offline");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SystemOverview overview;

	@Autowired
	DataScopes scopes;

	@Test
	void theCountsPerUnitAreThoseOfTheRegisterAndTheAlertsNameTheSystems() {
		TestClient police = TestClient.signedIn(this.port, "unitadmin");
		TestClient education = TestClient.signedIn(this.port, "unitadmin2");
		String late = register(police, unique("逾期迁移系统"), "LEGACY_SELF_HOSTED");
		move(police, late, "{\"status\":\"MIGRATING\",\"targetDate\":\"" + today().plusDays(10) + "\"}");
		this.jdbc.sql("UPDATE application_system SET migration_target_on = :past WHERE id = :id")
			.param("past", Date.valueOf(today().minusDays(5)))
			.param("id", UUID.fromString(late))
			.update();
		String onTime = register(police, unique("按期迁移系统"), "LEGACY_SELF_HOSTED");
		move(police, onTime, "{\"status\":\"MIGRATING\",\"targetDate\":\"" + today().plusDays(1) + "\"}");
		String bare = registerJson(education,
				"{\"name\":\"" + unique("无责任人系统") + "\",\"purpose\":\"教学\",\"hostingStatus\":\"ON_PLATFORM\"}");
		String complete = registerJson(police,
				"{\"name\":\"" + unique("已定级系统") + "\",\"purpose\":\"办案\",\"securityOfficerId\":\""
						+ id("SELECT id FROM app_user WHERE username = 'officer'") + "\",\"protectionLevel\":3}");
		register(education, unique("规划中系统"), "PLANNED");

		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		HttpResponse<String> answer = reviewer.getJson("/api/v1/systems/overview");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		String overview = answer.body();
		for (String unit : List.of("宜兴市公安局", "宜兴市教育局")) {
			UUID unitId = id("SELECT id FROM organization WHERE name = '" + unit + "'");
			String tally = "$.units[?(@.unitId == '" + unitId + "')]";
			Map<String, Long> expected = countsByStatus(unitId);
			for (Map.Entry<String, String> status : FIELDS.entrySet()) {
				assertThat(JsonPath.<List<Integer>>read(overview, tally + "." + status.getValue()))
					.as("%s %s", unit, status.getKey())
					.containsExactly(expected.getOrDefault(status.getKey(), 0L).intValue());
			}
			assertThat(JsonPath.<List<Integer>>read(overview, tally + ".total")).as(unit)
				.containsExactly((int) expected.values().stream().mapToLong(Long::longValue).sum());
		}
		assertThat((Integer) JsonPath.read(overview, "$.total.total"))
			.isEqualTo(this.jdbc.sql("SELECT count(*) FROM application_system").query(Long.class).single().intValue());
		assertThat((String) JsonPath.read(overview, "$.asOf")).isEqualTo(today().toString());

		assertThat(JsonPath.<List<String>>read(overview, "$.overdueMigrations[*].systemId")).contains(late)
			.doesNotContain(onTime);
		assertThat(JsonPath.<List<String>>read(overview, "$.lackingOfficerOrLevel[*].systemId")).contains(bare)
			.contains(late)
			.doesNotContain(complete);
		String alert = "$.lackingOfficerOrLevel[?(@.systemId == '" + bare + "')]";
		assertThat(JsonPath.<List<Boolean>>read(overview, alert + ".officerMissing")).containsExactly(true);
		assertThat(JsonPath.<List<Boolean>>read(overview, alert + ".levelMissing")).containsExactly(true);
		assertThat(JsonPath.<List<Boolean>>read(overview,
				"$.lackingOfficerOrLevel[?(@.systemId == '" + late + "')].levelMissing"))
			.containsExactly(false);
		assertThat((Integer) JsonPath.read(overview, "$.total.overdue")).isEqualTo(this.jdbc.sql(
				"SELECT count(*) FROM application_system WHERE hosting_status = 'MIGRATING' AND migration_target_on < :today")
			.param("today", Date.valueOf(today()))
			.query(Long.class)
			.single()
			.intValue());

		String page = reviewer.get("/systems/overview").body();
		assertThat(page).contains("系统登记总览")
			.contains("/systems/" + late)
			.contains("/systems/" + bare)
			.contains("宜兴市教育局");
	}

	@Test
	void thePageListsAtMostItsRowsOfEachListAndCountsThemAll() {
		TestClient education = TestClient.signedIn(this.port, "unitadmin2");
		for (int i = 0; i < 2; i++) {
			registerJson(education,
					"{\"name\":\"" + unique("未定级系统") + "\",\"purpose\":\"教学\",\"hostingStatus\":\"ON_PLATFORM\"}");
		}
		UUID commission = id("SELECT id FROM organization WHERE kind = 'COMMISSION'");
		RegisterOverview all = this.overview.overview(this.scopes.system(commission, "经信委"));
		RegisterOverview first = this.overview.overview(this.scopes.system(commission, "经信委"), 1);
		assertThat(all.lackingOfficerOrLevel()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(first.lackingOfficerOrLevel()).containsExactly(all.lackingOfficerOrLevel().get(0));
		assertThat(first.total()).isEqualTo(all.total());
	}

	@Test
	void theCitysOverviewIsKeptUntilTheRegisterChangesHoweverItChanges() {
		UUID commission = id("SELECT id FROM organization WHERE kind = 'COMMISSION'");
		RegisterOverview first = this.overview.overview(this.scopes.system(commission, "经信委"));
		assertThat(this.overview.overview(this.scopes.system(commission, "经信委"))).isSameAs(first);
		TestClient education = TestClient.signedIn(this.port, "unitadmin2");
		String system = registerJson(education,
				"{\"name\":\"" + unique("保留概览系统") + "\",\"purpose\":\"教学\",\"hostingStatus\":\"PLANNED\"}");
		registerJson(education,
				"{\"name\":\"" + unique("保留概览系统") + "\",\"purpose\":\"教学\",\"hostingStatus\":\"PLANNED\"}");
		RegisterOverview registered = this.overview.overview(this.scopes.system(commission, "经信委"));
		assertThat(registered.total().planned()).isEqualTo(first.total().planned() + 2);
		// the list's length is part of what is kept: one row, not the kept full list
		assertThat(registered.lackingOfficerOrLevel()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(this.overview.overview(this.scopes.system(commission, "经信委"), 1).lackingOfficerOrLevel())
			.containsExactly(registered.lackingOfficerOrLevel().get(0));
		// changed behind GovCloud's back: found all the same
		this.jdbc.sql("UPDATE application_system SET hosting_status = 'OFFLINE' WHERE id = :id")
			.param("id", UUID.fromString(system))
			.update();
		RegisterOverview changed = this.overview.overview(this.scopes.system(commission, "经信委"));
		assertThat(changed.total().planned()).isEqualTo(first.total().planned() + 1);
		assertThat(changed.total().offline()).isEqualTo(registered.total().offline() + 1);
	}

	@Test
	void onlyTheCommissionReadsTheOverview() {
		for (String user : List.of("unitadmin", "unitmember", "officer", "finance", "operator")) {
			TestClient client = TestClient.signedIn(this.port, user);
			assertThat(client.getJson("/api/v1/systems/overview").statusCode()).as(user).isEqualTo(403);
			assertThat(client.get("/systems/overview").statusCode()).as(user).isEqualTo(403);
			assertThat(client.getJson("/api/v1/systems/exemptions/pending").statusCode()).as(user).isEqualTo(403);
			assertThat(client.get("/").body()).as(user).doesNotContain("/systems/overview");
		}
		assertThat(TestClient.signedIn(this.port, "manager").get("/systems/overview").statusCode()).isEqualTo(200);
	}

	private Map<String, Long> countsByStatus(UUID unitId) {
		return this.jdbc.sql(
				"SELECT hosting_status, count(*) AS n FROM application_system WHERE unit_id = :unit GROUP BY hosting_status")
			.param("unit", unitId)
			.query((rs, row) -> Map.entry(rs.getString("hosting_status"), rs.getLong("n")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private UUID id(String sql) {
		return this.jdbc.sql(sql).query(UUID.class).single();
	}

	private static String registerJson(TestClient unit, String json) {
		HttpResponse<String> created = unit.postJson("/api/v1/systems", json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.id");
	}

}
