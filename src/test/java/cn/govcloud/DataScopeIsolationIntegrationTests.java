package cn.govcloud;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data scoping (C1) for every endpoint that exists: a unit sees only itself; guessing
 * another organisation's ids gets exactly the answer for an id that does not exist,
 * through API and pages.
 */
@GovCloudIntegrationTest
class DataScopeIsolationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	UUID ownUnit;

	UUID otherUnit;

	UUID otherUnitsAdmin;

	@BeforeEach
	void findDemoRecords() {
		this.ownUnit = id("SELECT id FROM organization WHERE name = '宜兴市公安局'");
		this.otherUnit = id("SELECT id FROM organization WHERE name = '宜兴市教育局'");
		this.otherUnitsAdmin = id("SELECT id FROM app_user WHERE username = 'unitadmin2'");
	}

	@Test
	void anotherUnitsRecordsReadLikeRecordsThatDoNotExist() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		for (String path : List.of("/api/v1/organizations/", "/api/v1/users/")) {
			UUID foreign = path.contains("users") ? this.otherUnitsAdmin : this.otherUnit;
			HttpResponse<String> guessed = unit.getJson(path + foreign);
			HttpResponse<String> missing = unit.getJson(path + UUID.randomUUID());
			assertThat(guessed.statusCode()).as(path).isEqualTo(404);
			assertThat(withoutInstance(guessed.body())).as(path).isEqualTo(withoutInstance(missing.body()));
		}
		assertThat(unit.getJson("/api/v1/organizations/" + this.ownUnit).statusCode()).isEqualTo(200);
	}

	@Test
	void anotherUnitsPagesReadLikePagesThatDoNotExist() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		for (String page : List.of("/organizations/" + this.otherUnit, "/users/" + this.otherUnitsAdmin)) {
			HttpResponse<String> guessed = unit.get(page);
			HttpResponse<String> missing = unit.get(page.substring(0, page.lastIndexOf('/') + 1) + UUID.randomUUID());
			assertThat(guessed.statusCode()).as(page).isEqualTo(404).isEqualTo(missing.statusCode());
			assertThat(guessed.body()).as(page).isEqualTo(missing.body()).doesNotContain("宜兴市教育局");
		}
	}

	@Test
	void aUnitListsOnlyItself() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String organizations = unit.getJson("/api/v1/organizations?size=200").body();
		assertThat((Integer) JsonPath.read(organizations, "$.total")).isEqualTo(1);
		assertThat(organizations).contains("宜兴市公安局");
		String users = unit.getJson("/api/v1/users?size=200").body();
		assertThat(JsonPath.<List<String>>read(users, "$.items[*].organizationName")).isNotEmpty()
			.containsOnly("宜兴市公安局");
		assertThat(unit.getJson("/api/v1/users?organizationId=" + this.otherUnit).body()).contains("\"total\":0");
		assertThat(unit.get("/organizations").body()).doesNotContain("宜兴市教育局");
	}

	@Test
	void theSupplierAndTheFinanceBureauSeeOnlyThemselvesForNow() {
		// A supplier also sees the units it has filed contracts with, which tests may
		// have made.
		long served = this.jdbc.sql("""
				SELECT count(DISTINCT c.unit_id) FROM contract c JOIN organization s ON s.id = c.supplier_id
				WHERE s.name = '宜兴政务云服务有限公司' AND c.status IN ('FILED', 'ACTIVE', 'ENDED')
				""").query(Long.class).single();
		for (String username : List.of("operator", "finance")) {
			String organizations = TestClient.signedIn(this.port, username).getJson("/api/v1/organizations").body();
			assertThat((Integer) JsonPath.read(organizations, "$.total")).as(username)
				.isEqualTo((int) (username.equals("operator") ? 1 + served : 1));
			assertThat(TestClient.signedIn(this.port, username)
				.getJson("/api/v1/users/" + this.otherUnitsAdmin)
				.statusCode()).as(username).isEqualTo(404);
		}
	}

	@Test
	void theCommissionSeesEveryOrganisation() {
		String organizations = TestClient.signedIn(this.port, "reviewer")
			.getJson("/api/v1/organizations?size=200")
			.body();
		assertThat((Integer) JsonPath.read(organizations, "$.total")).isGreaterThanOrEqualTo(9);
		assertThat(TestClient.signedIn(this.port, "reviewer")
			.getJson("/api/v1/users/" + this.otherUnitsAdmin)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void theAuditAdministratorReadsNothingButTheTrail() {
		TestClient audit = TestClient.signedIn(this.port, "auditadmin");
		assertThat(audit.getJson("/api/v1/organizations").statusCode()).isEqualTo(403);
		assertThat(audit.getJson("/api/v1/users").statusCode()).isEqualTo(403);
		assertThat(audit.get("/organizations").statusCode()).isEqualTo(403);
	}

	@Test
	void writesOutsideTheRoleAreForbidden() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		assertThat(unit.postJson("/api/v1/organizations/" + this.otherUnit + "/deactivate", "{}").statusCode())
			.isEqualTo(403);
		assertThat(unit
			.postJson("/api/v1/users/" + this.otherUnitsAdmin + "/password-reset", "{\"password\":\"Abc#12345\"}")
			.statusCode()).isEqualTo(403);
		assertThat(TestClient.signedIn(this.port, "secadmin")
			.postJson("/api/v1/users",
					"{\"username\":\"sec-made\",\"displayName\":\"x\",\"organizationId\":\"" + this.ownUnit
							+ "\",\"roles\":[\"UNIT_MEMBER\"],\"initialPassword\":\"Abc#12345x\"}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void anUnauthenticatedCallerGets401AndTheLoginPage() {
		TestClient nobody = TestClient.anonymous(this.port);
		assertThat(nobody.getJson("/api/v1/organizations").statusCode()).isEqualTo(401);
		HttpResponse<String> page = nobody.get("/organizations");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	@Test
	void aMalformedIdIsABadRequestNotAFailure() {
		HttpResponse<String> response = TestClient.signedIn(this.port, "unitadmin").getJson("/api/v1/users/not-a-uuid");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).isEqualTo("id");
	}

	private UUID id(String sql) {
		return this.jdbc.sql(sql).query(UUID.class).single();
	}

	private static String withoutInstance(String body) {
		return body.replaceAll("\"instance\":\"[^\"]*\"", "");
	}

}
