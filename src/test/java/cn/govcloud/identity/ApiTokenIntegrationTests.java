package cn.govcloud.identity;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API tokens: shown once, stored hashed, the owner's permissions exactly,
 * revocable.
 */
@GovCloudIntegrationTest
class ApiTokenIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenActsAsItsOwnerUntilRevoked() {
		TestClient browser = TestClient.signedIn(this.port, "unitadmin");
		HttpResponse<String> created = browser.postJson("/api/v1/account/tokens",
				"{\"name\":\"监控脚本\",\"validDays\":30}");
		assertThat(created.statusCode()).isEqualTo(201);
		String secret = JsonPath.read(created.body(), "$.secret");
		String id = JsonPath.read(created.body(), "$.token.id");
		assertThat(secret).startsWith("gct_").hasSizeGreaterThan(40);

		TestClient program = TestClient.withToken(this.port, secret);
		HttpResponse<String> me = program.getJson("/api/v1/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(me.body(), "$.username")).isEqualTo("unitadmin");
		assertThat(program.getJson("/api/v1/organizations").body()).contains("宜兴市公安局").doesNotContain("宜兴市教育局");

		String listed = browser.getJson("/api/v1/account/tokens").body();
		assertThat(listed).contains("监控脚本").doesNotContain(secret);
		assertThat((Object) JsonPath.read(listed, "$[?(@.id=='" + id + "')].lastUsedAt[0]")).isNotNull();
		assertThat(this.jdbc.sql("SELECT token_hash FROM api_token WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).hasSize(64).isNotEqualTo(secret);

		assertThat(browser.delete("/api/v1/account/tokens/" + id).statusCode()).isEqualTo(204);
		HttpResponse<String> revoked = program.getJson("/api/v1/me");
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(revoked.body()).contains("API 令牌无效");
	}

	@Test
	void aTokenKeepsItsOwnersLimits() {
		String secret = tokenOf("unitadmin");
		TestClient program = TestClient.withToken(this.port, secret);
		assertThat(program.postJson("/api/v1/organizations", "{\"kind\":\"UNIT\",\"name\":\"x\"}").statusCode())
			.isEqualTo(403);
	}

	@Test
	void aTokenCannotMintTokensOnlyASignedInSessionCan() {
		String secret = tokenOf("unitmember");
		long before = tokensOf("unitmember");
		TestClient program = TestClient.withToken(this.port, secret);
		HttpResponse<String> minted = program.postJson("/api/v1/account/tokens", "{\"name\":\"second\"}");
		assertThat(minted.statusCode()).isEqualTo(403);
		assertThat(minted.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(minted.body(), "$.detail")).contains("会话");
		HttpResponse<String> page = program.postForm("/account/tokens", java.util.Map.of("name", "page"));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(tokensOf("unitmember")).as("nothing minted").isEqualTo(before);
		assertThat(program.getJson("/api/v1/account/tokens").statusCode()).as("it still reads its own list")
			.isEqualTo(200);
	}

	@Test
	void aBrowserSessionNeedsCsrfToCreateAToken() {
		TestClient noCsrf = TestClient.anonymous(this.port);
		noCsrf.login("unitmember", TestClient.DEMO_PASSWORD);
		HttpResponse<String> forged = noCsrf.postJsonWithoutCsrf("/api/v1/account/tokens", "{\"name\":\"forged\"}");
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void aPasswordResetByTheSystemAdministratorRevokesEveryTokenOfThePersonAudited() {
		Person person = newPerson();
		String first = person.token("one");
		String second = person.token("two");
		String others = tokenOf("unitadmin");
		TestClient admin = TestClient.signedIn(this.port, "sysadmin");
		assertThat(
				admin.postJson("/api/v1/users/" + person.id() + "/password-reset", "{\"password\":\"Reset#Token2026\"}")
					.statusCode())
			.isEqualTo(204);
		for (String secret : List.of(first, second)) {
			assertThat(TestClient.withToken(this.port, secret).getJson("/api/v1/me").statusCode()).isEqualTo(401);
		}
		assertThat(TestClient.withToken(this.port, others).getJson("/api/v1/me").statusCode())
			.as("another person's token stands")
			.isEqualTo(200);
		assertThat(revokeAudit(person.id())).contains("reason=password.reset revoked=2");
	}

	@Test
	void aRoleChangeByTheSecurityAdministratorRevokesEveryTokenOfThePersonAudited() {
		Person person = newPerson();
		String secret = person.token("one");
		TestClient security = TestClient.signedIn(this.port, "secadmin");
		assertThat(security.putJson("/api/v1/users/" + person.id() + "/roles", "{\"roles\":[\"UNIT_MEMBER\"]}")
			.statusCode()).as("the same roles: nothing changes").isEqualTo(200);
		assertThat(TestClient.withToken(this.port, secret).getJson("/api/v1/me").statusCode()).isEqualTo(200);
		assertThat(security
			.putJson("/api/v1/users/" + person.id() + "/roles", "{\"roles\":[\"UNIT_MEMBER\",\"SECURITY_OFFICER\"]}")
			.statusCode()).isEqualTo(200);
		assertThat(TestClient.withToken(this.port, secret).getJson("/api/v1/me").statusCode()).isEqualTo(401);
		assertThat(revokeAudit(person.id())).contains("reason=roles.change revoked=1");
		assertThat(TestClient.withToken(this.port, person.token("after")).getJson("/api/v1/me").statusCode())
			.as("a token made after the change works")
			.isEqualTo(200);
	}

	@Test
	void anUnknownTokenIsRefusedWithAProblem() {
		HttpResponse<String> response = TestClient.withToken(this.port, "gct_" + "A".repeat(43)).getJson("/api/v1/me");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(TestClient.withToken(this.port, "not-even-a-token").getJson("/api/v1/me").statusCode())
			.isEqualTo(401);
	}

	@Test
	void aTokenOfADisabledPersonStopsWorking() {
		Person person = newPerson();
		String secret = JsonPath.read(person.browser().postJson("/api/v1/account/tokens", "{\"name\":\"t\"}").body(),
				"$.secret");
		assertThat(TestClient.withToken(this.port, secret).getJson("/api/v1/me").statusCode()).isEqualTo(200);
		TestClient admin = TestClient.signedIn(this.port, "sysadmin");
		String id = person.id();
		admin.postJson("/api/v1/users/" + id + "/disable", "{}");
		assertThat(TestClient.withToken(this.port, secret).getJson("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void anotherPersonsTokenCannotBeRevoked() {
		TestClient owner = TestClient.signedIn(this.port, "unitadmin");
		String id = JsonPath.read(owner.postJson("/api/v1/account/tokens", "{\"name\":\"mine\"}").body(), "$.token.id");
		TestClient other = TestClient.signedIn(this.port, "unitadmin2");
		HttpResponse<String> foreign = other.delete("/api/v1/account/tokens/" + id);
		HttpResponse<String> missing = other.delete("/api/v1/account/tokens/" + UUID.randomUUID());
		assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
		assertThat(this.jdbc.sql("SELECT revoked_at IS NULL FROM api_token WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void badTokenRequestsAreNamed() {
		TestClient person = TestClient.signedIn(this.port, "unitadmin");
		HttpResponse<String> noName = person.postJson("/api/v1/account/tokens", "{\"name\":\"  \"}");
		assertThat(noName.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(noName.body(), "$.errors[0].field")).isEqualTo("name");
		HttpResponse<String> forever = person.postJson("/api/v1/account/tokens", "{\"name\":\"x\",\"validDays\":9999}");
		assertThat((String) JsonPath.read(forever.body(), "$.errors[0].field")).isEqualTo("validDays");
		HttpResponse<String> text = person.postJson("/api/v1/account/tokens",
				"{\"name\":\"x\",\"validDays\":\"soon\"}");
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(text.body(), "$.errors[0].field")).isEqualTo("validDays");
	}

	@Test
	void theTokensPageShowsTheSecretOnceAndThenOnlyThePrefix() {
		TestClient browser = TestClient.signedIn(this.port, "officer");
		browser.get("/account/tokens");
		HttpResponse<String> created = browser.postForm("/account/tokens",
				java.util.Map.of("name", "页面令牌", "validDays", "7"));
		assertThat(created.statusCode()).isEqualTo(200);
		String secret = created.body().replaceAll("(?s).*id=\"token-secret\"[^>]*>([^<]+)<.*", "$1");
		assertThat(secret).startsWith("gct_");
		String later = browser.get("/account/tokens").body();
		assertThat(later).contains("页面令牌").contains(secret.substring(0, 10)).doesNotContain(secret);
	}

	private record Person(String id, TestClient browser) {

		String token(String name) {
			HttpResponse<String> created = this.browser.postJson("/api/v1/account/tokens",
					"{\"name\":\"" + name + "\"}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			return JsonPath.read(created.body(), "$.secret");
		}

	}

	/** A new unit member, signed in with the password changed, as tokens need. */
	private Person newPerson() {
		String name = "t" + UUID.randomUUID().toString().substring(0, 8);
		TestClient admin = TestClient.signedIn(this.port, "sysadmin");
		UUID unit = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴市教育局'").query(UUID.class).single();
		String id = JsonPath
			.read(admin
				.postJson("/api/v1/users",
						"{\"username\":\"" + name + "\",\"displayName\":\"令牌测试\",\"organizationId\":\"" + unit
								+ "\",\"roles\":[\"UNIT_MEMBER\"],\"initialPassword\":\"Token#Test2026\"}")
				.body(), "$.id");
		TestClient person = TestClient.anonymous(this.port);
		person.login(name, "Token#Test2026");
		person.postJson("/api/v1/account/password",
				"{\"currentPassword\":\"Token#Test2026\",\"newPassword\":\"Token#Next2026\",\"confirmPassword\":\"Token#Next2026\"}");
		person.get("/account/tokens");
		return new Person(id, person);
	}

	private String revokeAudit(String userId) {
		return this.jdbc.sql(
				"SELECT string_agg(detail, ' ') FROM audit_event WHERE action = 'token.revoke-all' AND target LIKE :target")
			.param("target", "user:" + userId + "%")
			.query(String.class)
			.single();
	}

	private long tokensOf(String username) {
		return this.jdbc
			.sql("SELECT count(*) FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = :name")
			.param("name", username)
			.query(Long.class)
			.single();
	}

	private String tokenOf(String username) {
		TestClient browser = TestClient.signedIn(this.port, username);
		return JsonPath.read(browser.postJson("/api/v1/account/tokens", "{\"name\":\"test\"}").body(), "$.secret");
	}

}
