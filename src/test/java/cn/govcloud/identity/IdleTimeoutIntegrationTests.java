package cn.govcloud.identity;

import java.net.http.HttpResponse;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idle timeout of 等保 level 3, shortened to two seconds so the test can wait for it.
 */
@GovCloudIntegrationTest
@TestPropertySource(properties = "govcloud.security.idle-timeout=2s")
class IdleTimeoutIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anIdleSessionEndsAndThePageSaysWhy() throws InterruptedException {
		TestClient person = TestClient.signedIn(this.port, "unitmember");
		assertThat(person.get("/").statusCode()).isEqualTo(200);
		Thread.sleep(2_500);
		HttpResponse<String> after = person.get("/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?expired"));
		assertThat(person.get("/login?expired").body()).contains("由于长时间未操作");
		assertThat(person.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void anIdleApiSessionGetsA401() throws InterruptedException {
		TestClient person = TestClient.signedIn(this.port, "unitmember");
		assertThat(person.getJson("/api/v1/me").statusCode()).isEqualTo(200);
		Thread.sleep(2_500);
		HttpResponse<String> after = person.getJson("/api/v1/me");
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(after.body()).contains("会话因长时间未操作已结束");
	}

	@Test
	void activityKeepsTheSessionAlive() throws InterruptedException {
		TestClient person = TestClient.signedIn(this.port, "unitmember");
		for (int i = 0; i < 5; i++) {
			Thread.sleep(1_000);
			assertThat(person.get("/").statusCode()).as("request %d", i).isEqualTo(200);
		}
	}

}
