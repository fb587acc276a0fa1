package cn.govcloud.browser;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in in a real Chromium: the person scans (here: reads) the QR code's
 * key, confirms a code an authenticator app would show, keeps the recovery codes, and
 * signs in again with password and code. The codes are computed here, apart from
 * GovCloud's own.
 */
@GovCloudIntegrationTest
class TwoFactorBrowserIntegrationTests {

	private static final String PASSWORD = "Totp#Browser2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = new Browser(this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aPersonEnrolsAnAuthenticatorAppAndSignsInWithItsCode() throws Exception {
		String username = createUser();
		this.browser.signIn(username, PASSWORD).waitForPath("/");
		this.browser.open("/account/two-factor");
		this.browser.click("#two-factor-start").waitUntil(() -> this.browser.present("#two-factor-qr"));
		this.browser.waitUntil(() -> !"0".equals(this.browser.property("#two-factor-qr", "naturalWidth")));
		this.browser.screenshot("two-factor-01-enrol");
		byte[] secret = base32(this.browser.text("#two-factor-secret"));
		this.browser.type("#code", code(secret, Instant.now().getEpochSecond() / 30));
		this.browser.click("#two-factor-confirm").waitUntil(() -> this.browser.present("#recovery-codes"));
		assertThat(this.browser.text("#recovery-codes").lines().count()).isEqualTo(10);
		this.browser.screenshot("two-factor-02-recovery-codes");

		this.browser.click("form[action='/logout'] button").waitForPath("/login");
		this.browser.signIn(username, PASSWORD).waitForPath("/login/code");
		this.browser.screenshot("two-factor-03-code");
		long used = this.jdbc
			.sql("SELECT t.last_step FROM identity_two_factor t JOIN app_user u ON u.id = t.user_id "
					+ "WHERE u.username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
		this.browser.type("#code", code(secret, used + 1));
		this.browser.click("#code-submit").waitForPath("/");
		assertThat(this.browser.text("main h1")).startsWith("您好");
	}

	private String createUser() {
		String name = "b" + UUID.randomUUID().toString().substring(0, 8);
		UUID unit = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴市教育局'").query(UUID.class).single();
		HttpResponse<String> created = TestClient.signedIn(this.port, "sysadmin")
			.postJson("/api/v1/users",
					"{\"username\":\"" + name + "\",\"displayName\":\"两步验证浏览器\",\"organizationId\":\"" + unit
							+ "\",\"roles\":[\"UNIT_MEMBER\"],\"initialPassword\":\"" + PASSWORD + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.jdbc.sql("UPDATE app_user SET must_change_password = false WHERE username = :u").param("u", name).update();
		return name;
	}

	/** RFC 6238 with HMAC-SHA1 and six digits, as an authenticator app computes it. */
	private static String code(byte[] secret, long step) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(secret, "HmacSHA1"));
		byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
		int offset = hash[19] & 0xf;
		int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
		return String.format("%06d", value % 1_000_000);
	}

	private static byte[] base32(String key) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteBuffer out = ByteBuffer.allocate(64);
		int buffer = 0;
		int bits = 0;
		for (char c : key.replace(" ", "").toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		byte[] secret = new byte[out.position()];
		out.flip().get(secret);
		return secret;
	}

}
