package cn.govcloud.browser;

import java.util.List;
import java.util.Map;

import cn.govcloud.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tier-S city of the embedded default, as each demo account first sees it in a real
 * Chromium: figures on the dashboard that are not all zero, and rows on its main lists.
 * (A database of its own, with one day of utilisation to keep the start short.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govcloud.embedded-db.data-dir=${java.io.tmpdir}/govcloud-world-browser-${random.uuid}",
				"govcloud.world.tier=S", "govcloud.world.days=1", "govcloud.world.utilisation-in-background=false" })
@ActiveProfiles("test")
class WorldBrowserIntegrationTests {

	private static final Map<String, List<String>> MAIN_LISTS = Map.ofEntries(
			Map.entry("reviewer", List.of("/review", "/contracts")), Map.entry("manager", List.of("/systems/overview")),
			Map.entry("unitadmin", List.of("/systems", "/applications", "/inventory")),
			Map.entry("unitmember", List.of("/applications")), Map.entry("officer", List.of("/systems")),
			Map.entry("unitadmin2", List.of("/systems")), Map.entry("operator", List.of("/work-orders", "/inventory")),
			Map.entry("suppliermgr", List.of("/contracts")), Map.entry("finance", List.of()),
			Map.entry("sysadmin", List.of("/organizations")), Map.entry("auditadmin", List.of("/audit")),
			Map.entry("secadmin", List.of()));

	@LocalServerPort
	int port;

	@Test
	void everyDemoAccountFindsTheCityOnItsDashboardAndLists() {
		MAIN_LISTS.forEach((username, lists) -> {
			Browser browser = new Browser(this.port);
			try {
				look(browser, username, lists);
			}
			finally {
				browser.close();
			}
		});
	}

	private void look(Browser browser, String username, List<String> lists) {
		browser.signIn(username, TestClient.DEMO_PASSWORD).waitForPath("/");
		Object figures = browser
			.script("return Array.from(document.querySelectorAll('main .value')).map(e => e.textContent.trim())");
		assertThat((List<?>) figures).as(username + "'s dashboard")
			.isNotEmpty()
			.anySatisfy((value) -> assertThat(value).isNotIn("0", "0.0", ""));
		browser.screenshot("world-" + username + "-dashboard");
		for (String list : lists) {
			browser.open(list);
			Object rows = browser.script("return document.querySelectorAll('main table tbody tr').length");
			assertThat(((Number) rows).intValue()).as(username + " " + list).isPositive();
		}
	}

}
