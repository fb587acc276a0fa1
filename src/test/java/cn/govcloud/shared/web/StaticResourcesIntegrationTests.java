package cn.govcloud.shared.web;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static files are served from their own paths ({@link StaticResources}): GovCloud's
 * style sheet and scripts, and the web jars both as the templates name them (no version)
 * and as the page links them (with the version the locator adds).
 */
@GovCloudIntegrationTest
class StaticResourcesIntegrationTests {

	private static final Pattern HTMX = Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]*htmx\\.min\\.js)\"");

	@LocalServerPort
	int port;

	@Test
	void theStyleSheetTheScriptsAndTheWebJarsAreServed() {
		TestClient anonymous = TestClient.anonymous(this.port);
		assertServed(anonymous.get("/css/govcloud.css"), "text/css");
		assertServed(anonymous.get("/js/govcloud.js"), "javascript");
		assertServed(anonymous.get("/webjars/htmx.org/dist/htmx.min.js"), "javascript");
		assertServed(anonymous.get("/webjars/echarts/dist/echarts.min.js"), "javascript");
		assertThat(anonymous.get("/css/none.css").statusCode()).isEqualTo(404);
	}

	@Test
	void aPageLinksTheWebJarWithItsVersionAndThatLinkIsServed() {
		TestClient person = TestClient.signedIn(this.port, "unitadmin");
		String page = person.get("/").body();
		Matcher htmx = HTMX.matcher(page);
		assertThat(htmx.find()).as("htmx linked from the dashboard").isTrue();
		assertThat(htmx.group(1)).matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js");
		assertServed(person.get(htmx.group(1)), "javascript");
		assertThat(page).contains("href=\"/applications\"");
	}

	private static void assertServed(HttpResponse<String> response, String type) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).contains(type));
		assertThat(response.body()).hasSizeGreaterThan(100);
	}

}
