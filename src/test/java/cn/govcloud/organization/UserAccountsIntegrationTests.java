package cn.govcloud.organization;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@GovCloudIntegrationTest
class UserAccountsIntegrationTests {

	static final String INITIAL = "Start#2026go";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestClient admin;

	@BeforeEach
	void signIn() {
		this.admin = TestClient.signedIn(this.port, "sysadmin");
	}

	@Test
	void aDuplicateUsernameIsRefusedWhateverTheCase() {
		HttpResponse<String> response = this.admin.postJson("/api/v1/users",
				user("UnitAdmin", unitId(), "[\"UNIT_MEMBER\"]", INITIAL));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).isEqualTo("username");
	}

	@Test
	void aWeakInitialPasswordIsRefusedAndNothingSaved() {
		String name = fresh();
		HttpResponse<String> response = this.admin.postJson("/api/v1/users",
				user(name, unitId(), "[\"UNIT_MEMBER\"]", "password"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"initialPassword\"");
		assertThat(exists(name)).isFalse();
	}

	@Test
	void anUnknownRoleIsRefusedByName() {
		HttpResponse<String> response = this.admin.postJson("/api/v1/users",
				user(fresh(), unitId(), "[\"WIZARD\"]", INITIAL));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).startsWith("roles");
	}

	@Test
	void twoAdministratorRolesOnOnePersonAreRefused() {
		String name = fresh();
		HttpResponse<String> response = this.admin.postJson("/api/v1/users",
				user(name, commissionId(), "[\"SYSTEM_ADMIN\",\"AUDIT_ADMIN\"]", INITIAL));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).isEqualTo("roles");
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].message"))
			.contains("AUDIT_ADMIN, SYSTEM_ADMIN");
		assertThat(exists(name)).isFalse();
	}

	@Test
	void theSecurityAdministratorGrantsRolesButNotTwoAdministratorRoles() {
		String id = create(fresh(), commissionId(), "[\"COMMISSION_REVIEWER\"]");
		TestClient security = TestClient.signedIn(this.port, "secadmin");
		HttpResponse<String> refused = security.putJson("/api/v1/users/" + id + "/roles",
				"{\"roles\":[\"SECURITY_ADMIN\",\"SYSTEM_ADMIN\"]}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("SECURITY_ADMIN, SYSTEM_ADMIN");
		HttpResponse<String> granted = security.putJson("/api/v1/users/" + id + "/roles",
				"{\"roles\":[\"AUDIT_ADMIN\",\"COMMISSION_MANAGER\"]}");
		assertThat(granted.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_role WHERE user_id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theSystemAdministratorDoesNotGrantRoles() {
		String id = create(fresh(), unitId(), "[\"UNIT_MEMBER\"]");
		assertThat(this.admin.putJson("/api/v1/users/" + id + "/roles", "{\"roles\":[\"UNIT_ADMIN\"]}").statusCode())
			.isEqualTo(403);
	}

	@Test
	void aUnitRoleCannotGoToASupplier() {
		HttpResponse<String> response = this.admin.postJson("/api/v1/users",
				user(fresh(), supplierId(), "[\"UNIT_ADMIN\"]", INITIAL));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"roles\"");
	}

	@Test
	void theFirstLoginForcesAPasswordChangeThatFollowsThePolicy() {
		String name = fresh();
		create(name, unitId(), "[\"UNIT_MEMBER\"]");
		TestClient person = TestClient.anonymous(this.port);
		assertThat(person.login(name, INITIAL).statusCode()).isEqualTo(302);
		HttpResponse<String> home = person.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/account/password"));
		HttpResponse<String> api = person.getJson("/api/v1/me");
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.body()).contains("请先修改密码");

		person.get("/account/password");
		HttpResponse<String> reused = person.postForm("/account/password",
				Map.of("currentPassword", INITIAL, "newPassword", INITIAL, "confirmPassword", INITIAL));
		assertThat(reused.statusCode()).isEqualTo(200);
		assertThat(reused.body()).contains("不得使用最近");
		HttpResponse<String> changed = person.postForm("/account/password",
				Map.of("currentPassword", INITIAL, "newPassword", "Fresh#Start99", "confirmPassword", "Fresh#Start99"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(person.get("/").statusCode()).isEqualTo(200);
		assertThat(person.getJson("/api/v1/me").body()).contains("\"passwordChangeRequired\":false");
	}

	@Test
	void noneOfTheLastFivePasswordsComesBack() {
		String name = fresh();
		create(name, unitId(), "[\"UNIT_MEMBER\"]");
		TestClient person = TestClient.anonymous(this.port);
		person.login(name, INITIAL);
		String current = INITIAL;
		for (int i = 1; i <= 4; i++) {
			String next = "Rotate#" + i + "abc";
			assertThat(person.postJson("/api/v1/account/password", passwords(current, next)).statusCode())
				.as("change %d", i)
				.isEqualTo(204);
			current = next;
		}
		HttpResponse<String> backToFirst = person.postJson("/api/v1/account/password", passwords(current, INITIAL));
		assertThat(backToFirst.statusCode()).isEqualTo(400);
		assertThat(backToFirst.body()).contains("\"field\":\"newPassword\"");
		assertThat(person.postJson("/api/v1/account/password", passwords(current, "Rotate#5abc")).statusCode())
			.isEqualTo(204);
	}

	@Test
	void anExpiredPasswordMustBeChanged() {
		String name = fresh();
		String id = create(name, unitId(), "[\"UNIT_MEMBER\"]");
		this.jdbc.sql(
				"UPDATE app_user SET must_change_password = false, password_changed_at = now() - interval '91 days' WHERE id = :id")
			.param("id", UUID.fromString(id))
			.update();
		TestClient person = TestClient.anonymous(this.port);
		person.login(name, INITIAL);
		assertThat(person.getJson("/api/v1/me").statusCode()).isEqualTo(403);
	}

	@Test
	void theWrongCurrentPasswordIsNamed() {
		String name = fresh();
		create(name, unitId(), "[\"UNIT_MEMBER\"]");
		TestClient person = TestClient.anonymous(this.port);
		person.login(name, INITIAL);
		HttpResponse<String> response = person.postJson("/api/v1/account/password",
				passwords("Not#theRight1", "Another#Pass1"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).isEqualTo("currentPassword");
	}

	private String create(String username, UUID organization, String roles) {
		HttpResponse<String> response = this.admin.postJson("/api/v1/users",
				user(username, organization, roles, INITIAL));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JsonPath.read(response.body(), "$.id");
	}

	private boolean exists(String username) {
		return this.jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

	private UUID unitId() {
		return organization("宜兴市公安局");
	}

	private UUID commissionId() {
		return this.jdbc.sql("SELECT id FROM organization WHERE kind = 'COMMISSION'").query(UUID.class).single();
	}

	private UUID supplierId() {
		return this.jdbc.sql("SELECT id FROM organization WHERE kind = 'SUPPLIER' ORDER BY created_at LIMIT 1")
			.query(UUID.class)
			.single();
	}

	private UUID organization(String name) {
		return this.jdbc.sql("SELECT id FROM organization WHERE name = :n").param("n", name).query(UUID.class).single();
	}

	static String fresh() {
		return "u" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String passwords(String current, String next) {
		return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\",\"confirmPassword\":\"" + next
				+ "\"}";
	}

	static String user(String username, UUID organization, String roles, String password) {
		return "{\"username\":\"" + username + "\",\"displayName\":\"测试 " + username + "\",\"organizationId\":\""
				+ organization + "\",\"roles\":" + roles + ",\"initialPassword\":\"" + password + "\"}";
	}

}
