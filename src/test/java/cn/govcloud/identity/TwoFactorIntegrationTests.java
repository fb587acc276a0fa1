package cn.govcloud.identity;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in with real codes (RFC 6238, computed here from the secret the
 * enrolment page shows): enrolment with the QR code, a code accepted once and never
 * replayed, wrong codes refused and locking like wrong passwords, recovery codes used
 * once, the security administrator's reset and the policy that requires two factors of a
 * role.
 */
@GovCloudIntegrationTest
class TwoFactorIntegrationTests {

	static final String PASSWORD = "Totp#Test2026";

	private static final Pattern SECRET = Pattern.compile("id=\"two-factor-secret\">([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonEnrolsWithTheQrCodeAndSignsInWithAComputedCodeOnce() {
		Enrolled person = enrolledUser("UNIT_MEMBER");
		assertThat(this.jdbc.sql("SELECT count(*) FROM identity_recovery_code WHERE user_id = :id")
			.param("id", person.id())
			.query(Long.class)
			.single()).isEqualTo(10);
		assertThat(this.jdbc.sql("SELECT code_hash FROM identity_recovery_code WHERE user_id = :id")
			.param("id", person.id())
			.query(String.class)
			.list()).noneMatch((hash) -> person.recoveryCodes().contains(hash));
		assertThat(this.jdbc.sql("SELECT secret FROM identity_two_factor WHERE user_id = :id")
			.param("id", person.id())
			.query(String.class)
			.single()).as("sealed with SM4 (ADR 0033)")
			.startsWith("sm4:")
			.doesNotContain(Base32.encode(person.secret()));

		TestClient browser = TestClient.anonymous(this.port);
		assertThat(location(browser.login(person.username(), PASSWORD))).doesNotContain("error");
		assertThat(location(browser.get("/"))).endsWith("/login/code");
		assertThat(location(browser.get("/inbox"))).endsWith("/login/code");
		assertThat(browser.getJson("/api/v1/me").statusCode()).isEqualTo(401);

		long used = lastStep(person.id());
		String replayed = Totp.code(person.secret(), used);
		HttpResponse<String> replay = code(browser, replayed);
		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(replay.body()).contains("id=\"code-failure\"");
		assertThat(browser.getJson("/api/v1/me").statusCode()).isEqualTo(401);

		String next = Totp.code(person.secret(), used + 1);
		assertThat(location(code(browser, next))).endsWith("/");
		assertThat(browser.getJson("/api/v1/me").statusCode()).isEqualTo(200);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		TestClient thief = TestClient.anonymous(this.port);
		thief.login(person.username(), PASSWORD);
		assertThat(code(thief, next).body()).contains("id=\"code-failure\"");
		assertThat(thief.getJson("/api/v1/me").statusCode()).isEqualTo(401);
		assertThat(audits(person.username(), "login.second-factor", "SUCCESS")).isEqualTo(1);
		assertThat(audits(person.username(), "login.second-factor", "FAILURE")).isEqualTo(2);
	}

	@Test
	void aWrongCodeIsRefusedAndFiveInARowLockEvenTheRightOne() {
		Enrolled person = enrolledUser("UNIT_MEMBER");
		long used = lastStep(person.id());
		String right = Totp.code(person.secret(), used + 1);
		TestClient browser = TestClient.anonymous(this.port);
		browser.login(person.username(), PASSWORD);
		for (int i = 1; i <= 5; i++) {
			HttpResponse<String> wrong = code(browser, wrongCode(person.secret(), used));
			assertThat(wrong.body()).as("wrong code %d", i).contains("id=\"code-failure\"");
		}
		assertThat(code(browser, right).body()).contains("id=\"code-failure\"");
		assertThat(browser.getJson("/api/v1/me").statusCode()).isEqualTo(401);
		assertThat(this.jdbc
			.sql("SELECT locked_until > now() + interval '14 minutes' FROM identity_two_factor WHERE user_id = :id")
			.param("id", person.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aRecoveryCodeSignsInOnce() {
		Enrolled person = enrolledUser("UNIT_MEMBER");
		String recovery = person.recoveryCodes().get(3);
		TestClient first = TestClient.anonymous(this.port);
		first.login(person.username(), PASSWORD);
		assertThat(location(code(first, recovery.toUpperCase()))).endsWith("/");
		assertThat(first.getJson("/api/v1/me").statusCode()).isEqualTo(200);
		assertThat(first.get("/account/two-factor").body()).contains("9");

		TestClient second = TestClient.anonymous(this.port);
		second.login(person.username(), PASSWORD);
		assertThat(code(second, recovery).body()).contains("id=\"code-failure\"");
		assertThat(second.getJson("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void aRoleTheSecurityAdministratorRequiresEnrolsAtSignInAndAResetEnrolsAgain() {
		TestClient secadmin = TestClient.signedIn(this.port, "secadmin");
		String person = createUser("SECURITY_OFFICER");
		Map<String, String> form = policyForm(secadmin);
		try {
			Map<String, String> requiring = new HashMap<>(form);
			requiring.put("twoFactorRoles", "SECURITY_OFFICER");
			assertThat(location(secadmin.postForm("/security-policy", requiring))).endsWith("/security-policy");
			assertThat(audits("secadmin", "security-policy.change", "SUCCESS")).isPositive();

			TestClient browser = TestClient.anonymous(this.port);
			assertThat(location(browser.login(person, PASSWORD))).doesNotContain("error");
			assertThat(location(browser.get("/"))).endsWith("/account/two-factor");
			assertThat(browser.getJson("/api/v1/me").statusCode()).isEqualTo(401);
			assertThat(browser.get("/account/two-factor").body()).contains("id=\"two-factor-required\"");
			byte[] secret = start(browser);
			HttpResponse<String> confirmed = browser.postForm("/account/two-factor/confirm",
					Map.of("code", Totp.code(secret, Totp.step(Instant.now().getEpochSecond()))));
			assertThat(recoveryCodes(confirmed.body())).hasSize(10);
			assertThat(browser.getJson("/api/v1/me").statusCode()).isEqualTo(200);

			secadmin.get("/security-policy");
			assertThat(location(secadmin.postForm("/security-policy/two-factor-reset", Map.of("username", person))))
				.endsWith("/security-policy");
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM identity_two_factor t JOIN app_user u ON u.id = t.user_id "
						+ "WHERE u.username = :u")
				.param("u", person)
				.query(Long.class)
				.single()).isZero();
			assertThat(audits("secadmin", "two-factor.reset", "SUCCESS")).isPositive();
			TestClient again = TestClient.anonymous(this.port);
			again.login(person, PASSWORD);
			assertThat(location(again.get("/"))).endsWith("/account/two-factor");
		}
		finally {
			secadmin.get("/security-policy");
			secadmin.postForm("/security-policy", form);
		}
	}

	@Test
	void thePolicyPageNamesEachBadFieldAndSavesNothing() {
		TestClient secadmin = TestClient.signedIn(this.port, "secadmin");
		Map<String, String> form = new HashMap<>(policyForm(secadmin));
		form.put("passwordMinLength", "abc");
		form.put("lockoutMaxFailures", "99");
		form.put("twoFactorRoles", "KING");
		long before = this.jdbc.sql("SELECT count(*) FROM organization_security_policy").query(Long.class).single();
		HttpResponse<String> refused = secadmin.postForm("/security-policy", form);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("应为 8 至 64 之间的整数", "应为 3 至 10 之间的整数", "没有角色“KING”");
		assertThat(this.jdbc.sql("SELECT count(*) FROM organization_security_policy").query(Long.class).single())
			.isEqualTo(before);
		assertThat(TestClient.signedIn(this.port, "sysadmin").get("/security-policy").statusCode()).isEqualTo(403);
	}

	@Test
	void failedSignInsArLimitedPerClientAddress() {
		TestClient secadmin = TestClient.signedIn(this.port, "secadmin");
		String person = createUser("UNIT_MEMBER");
		Map<String, String> form = policyForm(secadmin);
		this.jdbc.sql("DELETE FROM identity_login_failure").update();
		try {
			Map<String, String> strict = new HashMap<>(form);
			strict.put("addressMaxFailures", "5");
			secadmin.postForm("/security-policy", strict);
			for (int i = 1; i <= 5; i++) {
				// Five different names: no account reaches its own lockout.
				assertThat(location(TestClient.anonymous(this.port).login("nobody" + i + person, "Wrong#pass" + i)))
					.endsWith("/login?error");
			}
			TestClient browser = TestClient.anonymous(this.port);
			assertThat(location(browser.login(person, PASSWORD))).endsWith("/login?limited");
			assertThat(browser.get("/login?limited").body()).contains("来自您所在地址的登录失败次数过多");
			assertThat(audits(person, "login", "FAILURE")).isEqualTo(1);
		}
		finally {
			this.jdbc.sql("DELETE FROM identity_login_failure").update();
			secadmin.get("/security-policy");
			secadmin.postForm("/security-policy", form);
		}
		assertThat(location(TestClient.anonymous(this.port).login(person, PASSWORD))).doesNotContain("error");
	}

	private Enrolled enrolledUser(String role) {
		String username = createUser(role);
		TestClient browser = TestClient.anonymous(this.port);
		browser.login(username, PASSWORD);
		assertThat(browser.get("/account/two-factor").body()).doesNotContain("id=\"two-factor-required\"");
		byte[] secret = start(browser);
		HttpResponse<String> wrong = browser.postForm("/account/two-factor/confirm",
				Map.of("code", wrongCode(secret, Totp.step(Instant.now().getEpochSecond()))));
		assertThat(wrong.body()).contains("验证码错误");
		HttpResponse<String> confirmed = browser.postForm("/account/two-factor/confirm",
				Map.of("code", Totp.code(secret, Totp.step(Instant.now().getEpochSecond()))));
		List<String> codes = recoveryCodes(confirmed.body());
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(browser.get("/account/two-factor").body()).contains("id=\"two-factor-enrolled\"")
			.doesNotContain("two-factor-secret");
		assertThat(browser.get("/account/two-factor/qr.svg").statusCode()).isEqualTo(404);
		UUID id = this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(UUID.class)
			.single();
		return new Enrolled(username, id, secret, codes);
	}

	/**
	 * Starts an enrolment on the page; the secret as the page shows it, and the QR code.
	 */
	private static byte[] start(TestClient browser) {
		browser.get("/account/two-factor");
		browser.postForm("/account/two-factor/start", Map.of());
		String page = browser.get("/account/two-factor").body();
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).as(page).isTrue();
		HttpResponse<String> qr = browser.get("/account/two-factor/qr.svg");
		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
		assertThat(qr.body()).startsWith("<svg");
		return Base32.decode(secret.group(1));
	}

	private static List<String> recoveryCodes(String page) {
		List<String> codes = new ArrayList<>();
		Matcher matcher = RECOVERY.matcher(page);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	/** A six-digit code that is none of the steps around {@code step}. */
	private static String wrongCode(byte[] secret, long step) {
		for (int candidate = 100000;; candidate++) {
			String code = String.valueOf(candidate);
			boolean valid = false;
			for (long s = step - 2; s <= step + 3; s++) {
				valid |= Totp.code(secret, s).equals(code);
			}
			if (!valid) {
				return code;
			}
		}
	}

	private static HttpResponse<String> code(TestClient browser, String code) {
		browser.get("/login/code");
		return browser.postForm("/login/code", Map.of("code", code));
	}

	private Map<String, String> policyForm(TestClient secadmin) {
		String page = secadmin.get("/security-policy").body();
		Map<String, String> form = new HashMap<>();
		Matcher input = Pattern.compile("id=\"(\\w+)\" inputmode=\"numeric\"[^>]*value=\"(\\d+)\"|"
				+ "name=\"(\\w+)\" value=\"(\\d+)\" inputmode=\"numeric\"|id=\"(\\w+)\" name=\"\\w+\" value=\"(\\d+)\"")
			.matcher(page);
		while (input.find()) {
			for (int g = 1; g <= 5; g += 2) {
				if (input.group(g) != null) {
					form.put(input.group(g), input.group(g + 1));
				}
			}
		}
		assertThat(form).as(page)
			.containsKeys("passwordMinLength", "lockoutMaxFailures", "idleTimeoutMinutes", "addressMaxFailures",
					"addressWindowMinutes");
		return form;
	}

	private long lastStep(UUID id) {
		return this.jdbc.sql("SELECT last_step FROM identity_two_factor WHERE user_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private long audits(String actor, String action, String outcome) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :a AND action = :x AND outcome = :o")
			.param("a", actor)
			.param("x", action)
			.param("o", outcome)
			.query(Long.class)
			.single();
	}

	private String createUser(String role) {
		String name = "t" + UUID.randomUUID().toString().substring(0, 8);
		TestClient admin = TestClient.signedIn(this.port, "sysadmin");
		UUID unit = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴市教育局'").query(UUID.class).single();
		HttpResponse<String> created = admin.postJson("/api/v1/users",
				"{\"username\":\"" + name + "\",\"displayName\":\"两步验证测试\",\"organizationId\":\"" + unit
						+ "\",\"roles\":[\"" + role + "\"],\"initialPassword\":\"" + PASSWORD + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.jdbc.sql("UPDATE app_user SET must_change_password = false WHERE username = :u").param("u", name).update();
		return name;
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
	}

	private record Enrolled(String username, UUID id, byte[] secret, List<String> recoveryCodes) {
	}

}
