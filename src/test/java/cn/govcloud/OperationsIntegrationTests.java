package cn.govcloud;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API users rely on: health, metrics, the OpenAPI description. */
@GovCloudIntegrationTest
class OperationsIntegrationTests {

	@LocalServerPort
	int port;

	/** The scrape credential of {@code application-test.yml}. */
	static final String SCRAPE_TOKEN = "test-scrape-token-0123456789";

	@Test
	void healthIsServedToAnyoneAndPrometheusMetricsOnlyToTheScrapeCredential() {
		HttpResponse<String> health = TestClient.anonymous(this.port).getJson("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("UP");
		HttpResponse<String> metrics = TestClient.withToken(this.port, SCRAPE_TOKEN)
			.get("/actuator/prometheus", "text/plain");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
		for (TestClient refused : List.of(TestClient.anonymous(this.port),
				TestClient.withToken(this.port, SCRAPE_TOKEN + "x"), TestClient.withToken(this.port, ""),
				TestClient.signedIn(this.port, "sysadmin"), TestClient.signedIn(this.port, "manager"))) {
			HttpResponse<String> answer = refused.get("/actuator/prometheus", "text/plain");
			assertThat(answer.statusCode()).isEqualTo(401);
			assertThat(answer.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
			assertThat(answer.body()).doesNotContain("jvm_memory_used_bytes");
		}
	}

	/**
	 * Requests are timed once (http.server.requests), not also around each of Spring
	 * Security's filters: those observations are off (issue 13, ADR 0051).
	 */
	@Test
	void requestsAreTimedWithoutATimerPerSecurityFilter() {
		assertThat(TestClient.signedIn(this.port, "manager").get("/inventory", "text/html").statusCode())
			.isEqualTo(200);
		String metrics = TestClient.withToken(this.port, SCRAPE_TOKEN).get("/actuator/prometheus", "text/plain").body();
		assertThat(metrics).contains("http_server_requests_seconds_count{")
			.doesNotContain("spring_security_filterchains")
			.doesNotContain("spring_security_authorizations");
	}

	@Test
	void aPersonalApiTokenIsNoScrapeCredential() {
		TestClient person = TestClient.signedIn(this.port, "manager");
		HttpResponse<String> created = person.postJson("/api/v1/account/tokens", "{\"name\":\"scraper\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String secret = JsonPath.read(created.body(), "$.secret");
		assertThat(TestClient.withToken(this.port, secret).get("/actuator/prometheus", "text/plain").statusCode())
			.isEqualTo(401);
	}

	@Test
	void theOpenApiDescriptionCoversTheApi() {
		TestClient person = TestClient.signedIn(this.port, "unitadmin");
		HttpResponse<String> docs = person.getJson("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/organizations")
			.contains("/api/v1/users/{id}/roles")
			.contains("/api/v1/account/tokens")
			.contains("/api/v1/me");
		assertThat(person.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	@Test
	void signingOutIsAudited() {
		TestClient person = TestClient.signedIn(this.port, "finance");
		person.get("/");
		person.postForm("/logout", java.util.Map.of());
		TestClient auditor = TestClient.signedIn(this.port, "auditadmin");
		assertThat(auditor.getJson("/api/v1/audit/events?actor=finance&action=logout").body()).contains("logout");
	}

	@Test
	void aBadPageRequestSaysSoInsteadOfBlamingTheServer() {
		TestClient person = TestClient.signedIn(this.port, "unitadmin");
		HttpResponse<String> page = person.get("/users/not-a-uuid", "text/html,application/xhtml+xml,*/*;q=0.8");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("输入有误").doesNotContain("系统出现意外错误").doesNotContain("Exception");
		HttpResponse<String> missing = person.get("/no-such-page", "text/html,application/xhtml+xml,*/*;q=0.8");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("记录不存在");
	}

	@Test
	void anUnknownApiPathIsA404ProblemNotAFailure() {
		HttpResponse<String> response = TestClient.signedIn(this.port, "unitadmin").getJson("/api/v1/no-such-thing");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("Exception");
	}

}
