package cn.govcloud;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govcloud.ReadRoutes.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page someone may open never calls an API they may not: for every page route and every
 * demo person, each API address the page itself uses (its charts' data, downloads, htmx
 * fragments) answers that person — the rules of a page and of its API are one rule seen
 * twice, and they once drifted apart (a security officer saw a host's page without its
 * chart).
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCallsIntegrationTests {

	private static final List<String> PEOPLE = List.of("unitadmin", "unitmember", "officer", "reviewer", "manager",
			"operator", "suppliermgr", "finance", "sysadmin", "secadmin", "auditadmin");

	/**
	 * An address of GovCloud's API in an attribute the page's script or the browser
	 * follows.
	 */
	private static final Pattern API_CALL = Pattern.compile("(?:href|src|data-url|hx-get)=\"(/api/v1/[^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	List<Route> pages;

	@BeforeAll
	void unitRecordsOfEveryKind() {
		UnitRecords records = UnitRecords.create(this.port, this.jdbc);
		this.pages = ReadRoutes.of(this.mappings, records::pathValue, records.queryValues())
			.stream()
			.filter((route) -> !route.api())
			.toList();
	}

	@Test
	void everyApiCallOfAPageSomeoneMayOpenAnswersThem() {
		List<String> problems = new ArrayList<>();
		int calls = 0;
		for (String person : PEOPLE) {
			TestClient client = TestClient.signedIn(this.port, person);
			for (Route page : this.pages) {
				HttpResponse<String> opened = client.get(page.url(), "text/html");
				if (opened.statusCode() != 200) {
					continue;
				}
				for (String call : apiCalls(opened.body())) {
					calls++;
					int status = client.get(call, "application/json, */*").statusCode();
					if (status == 401 || status == 403) {
						problems.add(person + " opens " + page.url() + " whose page calls " + call + " → " + status);
					}
				}
			}
		}
		System.out.printf("page calls: %d pages, %d people, %d API calls made by pages%n", this.pages.size(),
				PEOPLE.size(), calls);
		assertThat(calls).as("API calls found on pages").isGreaterThan(20);
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
	}

	private static Set<String> apiCalls(String html) {
		Set<String> calls = new LinkedHashSet<>();
		Matcher matcher = API_CALL.matcher(html);
		while (matcher.find()) {
			calls.add(matcher.group(1).replace("&amp;", "&"));
		}
		return calls;
	}

}
