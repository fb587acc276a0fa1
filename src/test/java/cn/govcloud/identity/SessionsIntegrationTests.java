package cn.govcloud.identity;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Sessions live in PostgreSQL: a person sees where they are signed in and ends any of
 * those sessions; an administrator has one session at a time (等保 level 3).
 */
@GovCloudIntegrationTest
class SessionsIntegrationTests {

	private static final Pattern ROW = Pattern.compile("data-session=\"([0-9a-f]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonSeesBothOfTheirSessionsAndEndsTheOtherOne() {
		TestClient laptop = TestClient.anonymous(this.port).header("User-Agent", "Laptop-Browser/1.0");
		laptop.login("unitmember", TestClient.DEMO_PASSWORD);
		assertThat(laptop.get("/").statusCode()).isEqualTo(200);
		TestClient phone = TestClient.signedIn(this.port, "unitmember");
		String page = phone.get("/account/sessions").body();
		assertThat(page).contains("Laptop-Browser/1.0").contains("当前会话");
		String laptopHandle = handleOf(page, "Laptop-Browser/1.0");

		HttpResponse<String> ended = phone.postForm("/account/sessions/" + laptopHandle + "/end", Map.of());
		assertThat(ended.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/account/sessions"));
		assertThat(laptop.get("/").statusCode()).isEqualTo(302);
		assertThat(phone.get("/").statusCode()).isEqualTo(200);
		assertThat(phone.get("/account/sessions").body()).doesNotContain("Laptop-Browser/1.0");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'unitmember' AND action = 'session.end'")
					.query(Long.class)
					.single())
			.isPositive();
	}

	@Test
	void anotherPersonsSessionCannotBeEnded() {
		TestClient owner = TestClient.signedIn(this.port, "unitadmin2");
		String handle = handles(owner.get("/account/sessions").body()).get(0);
		TestClient stranger = TestClient.signedIn(this.port, "unitmember");
		stranger.postForm("/account/sessions/" + handle + "/end", Map.of());
		assertThat(stranger.get("/account/sessions").body()).contains("该会话已不存在").doesNotContain(handle);
		assertThat(owner.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void anAdministratorSigningInAgainEndsTheOlderSessionWithAReason() {
		TestClient first = TestClient.signedIn(this.port, "secadmin");
		TestClient api = TestClient.signedIn(this.port, "secadmin");
		TestClient second = TestClient.signedIn(this.port, "secadmin");
		HttpResponse<String> page = first.get("/");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?elsewhere"));
		assertThat(first.get("/login?elsewhere").body()).contains("您的账户已在别处登录");
		HttpResponse<String> call = api.getJson("/api/v1/me");
		assertThat(call.statusCode()).isEqualTo(401);
		assertThat(call.body()).contains("您的账户已在别处登录");
		assertThat(second.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void otherPeopleMayBeSignedInInSeveralPlaces() {
		TestClient first = TestClient.signedIn(this.port, "reviewer");
		TestClient second = TestClient.signedIn(this.port, "reviewer");
		assertThat(first.get("/").statusCode()).isEqualTo(200);
		assertThat(second.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void theLastAccessTimeIsWrittenOnlyOnceItIsAMinuteOld() {
		TestClient person = TestClient.signedIn(this.port, "finance");
		assertThat(person.get("/").statusCode()).isEqualTo(200);
		String id = this.jdbc.sql(
				"SELECT primary_id FROM spring_session WHERE principal_name = 'finance' ORDER BY creation_time DESC LIMIT 1")
			.query(String.class)
			.single();
		long stored = lastAccess(id);
		assertThat(person.get("/").statusCode()).isEqualTo(200);
		assertThat(person.getJson("/api/v1/me").statusCode()).isEqualTo(200);
		assertThat(lastAccess(id)).as("a request within the minute writes nothing").isEqualTo(stored);

		this.jdbc
			.sql("UPDATE spring_session SET last_access_time = last_access_time - 120000, "
					+ "expiry_time = expiry_time - 120000 WHERE primary_id = ?")
			.param(id)
			.update();
		long before = System.currentTimeMillis();
		assertThat(person.get("/").statusCode()).isEqualTo(200);
		assertThat(lastAccess(id)).as("two minutes old: written").isGreaterThanOrEqualTo(before);
		assertThat(this.jdbc.sql("SELECT expiry_time - last_access_time FROM spring_session WHERE primary_id = ?")
			.param(id)
			.query(Long.class)
			.single()).as("the expiry moves with it").isEqualTo(30 * 60_000L);
	}

	private long lastAccess(String primaryId) {
		return this.jdbc.sql("SELECT last_access_time FROM spring_session WHERE primary_id = ?")
			.param(primaryId)
			.query(Long.class)
			.single();
	}

	private static String handleOf(String page, String origin) {
		int at = page.indexOf(origin);
		assertThat(at).as("a session from " + origin).isPositive();
		List<String> before = handles(page.substring(0, at));
		return before.get(before.size() - 1);
	}

	private static List<String> handles(String page) {
		Matcher matcher = ROW.matcher(page);
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
