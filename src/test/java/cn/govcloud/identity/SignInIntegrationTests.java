package cn.govcloud.identity;

import java.net.http.HttpResponse;
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
 * Login with lockout (等保 level 3): five wrong passwords lock the account; no answer
 * reveals a username.
 */
@GovCloudIntegrationTest
class SignInIntegrationTests {

	static final String PASSWORD = "Lock#Test2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
		String name = createUser();
		TestClient person = TestClient.anonymous(this.port);
		for (int i = 1; i <= 5; i++) {
			assertThat(location(person.login(name, "Wrong#pass" + i))).as("attempt %d", i).endsWith("/login?error");
		}
		assertThat(location(person.login(name, PASSWORD))).endsWith("/login?error");
		assertThat(
				this.jdbc.sql("SELECT locked_until > now() + interval '14 minutes' FROM app_user WHERE username = :u")
					.param("u", name)
					.query(Boolean.class)
					.single())
			.isTrue();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE actor = :u AND action = 'login' AND outcome = 'FAILURE'")
			.param("u", name)
			.query(Long.class)
			.single()).isEqualTo(6);
	}

	@Test
	void fourWrongPasswordsDoNotLockAndASuccessResetsTheCount() {
		String name = createUser();
		TestClient person = TestClient.anonymous(this.port);
		for (int i = 1; i <= 4; i++) {
			person.login(name, "Wrong#pass" + i);
		}
		assertThat(location(TestClient.anonymous(this.port).login(name, PASSWORD))).doesNotContain("error");
		for (int i = 1; i <= 4; i++) {
			person.login(name, "Wrong#pass" + i);
		}
		assertThat(location(TestClient.anonymous(this.port).login(name, PASSWORD))).doesNotContain("error");
	}

	@Test
	void theSystemAdministratorLiftsALockout() {
		String name = createUser();
		TestClient person = TestClient.anonymous(this.port);
		for (int i = 1; i <= 5; i++) {
			person.login(name, "Wrong#pass" + i);
		}
		UUID id = this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", name)
			.query(UUID.class)
			.single();
		TestClient admin = TestClient.signedIn(this.port, "sysadmin");
		assertThat(admin.get("/users/" + id).body()).contains("已锁定至");
		assertThat(admin.postJson("/api/v1/users/" + id + "/unlock", "{}").statusCode()).isEqualTo(200);
		assertThat(admin.get("/users/" + id).body()).doesNotContain("已锁定至");
		assertThat(location(TestClient.anonymous(this.port).login(name, PASSWORD))).doesNotContain("error");
	}

	@Test
	void anUnknownUsernameAndALockedAccountReadTheSameAsAWrongPassword() {
		String name = createUser();
		HttpResponse<String> wrongPassword = TestClient.anonymous(this.port).login(name, "Wrong#pass1");
		HttpResponse<String> unknownUser = TestClient.anonymous(this.port).login("nobody-" + name, "Wrong#pass1");
		assertThat(location(unknownUser)).isEqualTo(location(wrongPassword));
		TestClient page = TestClient.anonymous(this.port);
		page.login("nobody-" + name, "x");
		String shown = page.get("/login?error").body();
		assertThat(shown).contains("用户名或密码错误，或账户已被暂时锁定");
	}

	@Test
	void aDisabledAccountCannotSignIn() {
		String name = createUser();
		UUID id = this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", name)
			.query(UUID.class)
			.single();
		TestClient admin = TestClient.signedIn(this.port, "sysadmin");
		assertThat(admin.postJson("/api/v1/users/" + id + "/disable", "{}").statusCode()).isEqualTo(200);
		assertThat(location(TestClient.anonymous(this.port).login(name, PASSWORD))).endsWith("/login?error");
	}

	@Test
	void aPbkdf2Sm3HashIsUpgradedToArgon2AtTheNextLogin() {
		String name = createUser();
		String sm3Hash = "{pbkdf2-sm3}" + sm3HashOf(PASSWORD);
		this.jdbc.sql("UPDATE app_user SET password_hash = :h WHERE username = :u")
			.param("h", sm3Hash)
			.param("u", name)
			.update();
		assertThat(location(TestClient.anonymous(this.port).login(name, PASSWORD))).doesNotContain("error");
		String stored = this.jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
			.param("u", name)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("{argon2}");
	}

	@Test
	void signingOutEndsTheSession() {
		TestClient person = TestClient.signedIn(this.port, "unitmember");
		assertThat(person.getJson("/api/v1/me").statusCode()).isEqualTo(200);
		person.get("/");
		assertThat(location(person.postForm("/logout", java.util.Map.of()))).endsWith("/login?logout");
		HttpResponse<String> after = person.getJson("/api/v1/me");
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat((String) JsonPath.read(after.body(), "$.status").toString()).isEqualTo("401");
	}

	private String createUser() {
		String name = "l" + UUID.randomUUID().toString().substring(0, 8);
		TestClient admin = TestClient.signedIn(this.port, "sysadmin");
		UUID unit = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴市教育局'").query(UUID.class).single();
		HttpResponse<String> created = admin.postJson("/api/v1/users",
				"{\"username\":\"" + name + "\",\"displayName\":\"锁定测试\",\"organizationId\":\"" + unit
						+ "\",\"roles\":[\"UNIT_MEMBER\"],\"initialPassword\":\"" + PASSWORD + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return name;
	}

	private static String sm3HashOf(String password) {
		try {
			Class<?> encoder = Class.forName("cn.govcloud.organization.Pbkdf2Sm3PasswordEncoder");
			var constructor = encoder.getDeclaredConstructor();
			constructor.setAccessible(true);
			Object instance = constructor.newInstance();
			return ((org.springframework.security.crypto.password.PasswordEncoder) instance).encode(password);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
	}

}
