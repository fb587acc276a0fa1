package cn.govcloud.identity;

import java.net.http.HttpResponse;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries the headers of 等保 level 3: a Content-Security-Policy that runs
 * scripts from GovCloud's own files only, no framing, no content sniffing, and no full
 * address leaked to another site.
 */
@GovCloudIntegrationTest
class SecurityHeadersIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aSignedInPageTheSignInPageAndAnApiAnswerCarryTheHeaders() {
		TestClient person = TestClient.signedIn(this.port, "unitadmin");
		assertHardened(person.get("/"));
		assertHardened(person.get("/applications"));
		assertHardened(person.getJson("/api/v1/me"));
		assertHardened(TestClient.anonymous(this.port).get("/login"));
	}

	@Test
	void thePolicyAllowsNoInlineScriptAndNoEval() {
		String policy = TestClient.anonymous(this.port)
			.get("/login")
			.headers()
			.firstValue("Content-Security-Policy")
			.orElseThrow();
		String scripts = policy.replaceAll(".*script-src ([^;]*).*", "$1");
		assertThat(scripts).isEqualTo("'self'");
		assertThat(policy).contains("frame-ancestors 'none'").contains("object-src 'none'");
	}

	private static void assertHardened(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
	}

}
