package cn.govcloud.browser;

import java.util.List;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One list (the organisations) in a real Chromium (ADR 0017): the filter applies through
 * htmx, without a reload, and the URL follows; a header sorts from the keyboard, says so
 * with {@code aria-sort}, and filtering again keeps the order.
 */
@GovCloudIntegrationTest
class ListBrowserIntegrationTests {

	@LocalServerPort
	int port;

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
	void filteringAndSortingSwapTheTableInPlaceAndKeepTheirStateInTheUrl() {
		this.browser.signIn("sysadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
		this.browser.open("/organizations");
		this.browser.script("window.samePage = true");
		assertThat(this.browser.present("#organizations th[aria-sort]")).isFalse();

		this.browser.select("#kind", "UNIT").click("#organizations-filters button[type=submit]");

		this.browser.waitUntil(() -> search().contains("kind=UNIT"));
		this.browser.waitUntil(() -> kinds().stream().allMatch("使用单位"::equals));
		assertThat(kinds()).isNotEmpty();
		assertThat(this.browser.script("return window.samePage === true")).as("no reload").isEqualTo(Boolean.TRUE);
		this.browser.screenshot("list-01-filtered");

		this.browser.press("#organizations th:first-child a.sort", Keys.ENTER);

		this.browser.waitUntil(() -> "ascending".equals(sortOf("#organizations th:first-child")));
		assertThat(search()).contains("kind=UNIT").contains("sort=name,asc");
		assertThat(names()).containsExactlyElementsOf(api("kind=UNIT&sort=name,asc"));
		assertThat(this.browser
			.script("return document.querySelector('#organizations th:first-child .sr-only').textContent"))
			.as("what a screen reader says")
			.isEqualTo("已升序排列");

		this.browser.press("#organizations th:first-child a.sort", Keys.ENTER);

		this.browser.waitUntil(() -> "descending".equals(sortOf("#organizations th:first-child")));
		assertThat(search()).contains("sort=name,desc");
		assertThat(names()).containsExactlyElementsOf(api("kind=UNIT&sort=name,desc"));
		this.browser.screenshot("list-02-sorted-descending");

		this.browser.type("#q", "局").click("#organizations-filters button[type=submit]");

		this.browser.waitUntil(() -> search().contains("q="));
		this.browser.waitUntil(() -> names().equals(api("kind=UNIT&q=%E5%B1%80&sort=name,desc")));
		assertThat(search()).contains("sort=name,desc");
		assertThat(sortOf("#organizations th:first-child")).isEqualTo("descending");
		assertThat(this.browser.script("return window.samePage === true")).as("no reload").isEqualTo(Boolean.TRUE);

		// Without JS the same links and form are plain GETs: a sorted URL opened
		// directly.
		this.browser.open("/users?sort=organizationName,desc");
		assertThat(sortOf("#users th:nth-child(3)")).isEqualTo("descending");
		this.browser.screenshot("list-03-users-by-organisation");
	}

	private String search() {
		return java.net.URLDecoder.decode((String) this.browser.script("return window.location.search"),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	private String sortOf(String header) {
		return (String) this.browser
			.script("return document.querySelector('" + header + "').getAttribute('aria-sort')");
	}

	@SuppressWarnings("unchecked")
	private List<String> kinds() {
		return (List<String>) this.browser.script(
				"return [...document.querySelectorAll('#organizations tbody tr:not(.empty) td:nth-child(2)')].map(t => t.textContent.trim())");
	}

	@SuppressWarnings("unchecked")
	private List<String> names() {
		return (List<String>) this.browser.script(
				"return [...document.querySelectorAll('#organizations tbody tr:not(.empty) td:first-child')].map(t => t.textContent.trim())");
	}

	private List<String> api(String query) {
		return JsonPath.read(
				// The security administrator reads the same directory; signing the system
				// administrator in again would end the browser's session (one at a time).
				TestClient.signedIn(this.port, "secadmin").getJson("/api/v1/organizations?" + query).body(),
				"$.items[*].name");
	}

}
