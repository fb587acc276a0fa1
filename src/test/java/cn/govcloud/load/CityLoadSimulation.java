package cn.govcloud.load;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Fifty people of a tier-L world at work for five minutes (bench/load.sh): Commission
 * reviewers working their queues and deciding, unit administrators and members listing,
 * reading and drafting applications, supplier operators reading work orders and recording
 * instances, managers, officers, finance and the audit administrator reading; everyone
 * opening the dashboard, the unread count, htmx fragments, utilisation pages and their
 * chart APIs, now and then an Excel export. Each signs in once, as a browser does.
 *
 * <p>
 * System properties: {@code govcloud.url} (http://localhost:8080), {@code users} (50),
 * {@code minutes} (5), {@code thinkMs} (100, the mean pause between requests).
 */
public class CityLoadSimulation extends Simulation {

	static final String PASSWORD = "GovCloud@2026";

	static final String URL = System.getProperty("govcloud.url", "http://localhost:8080");

	static final int USERS = Integer.getInteger("users", 50);

	static final Duration RUN = Duration.ofMinutes(Integer.getInteger("minutes", 5));

	static final long THINK_MS = Long.getLong("thinkMs", 100);

	HttpProtocolBuilder protocol = http.baseUrl(URL)
		.acceptHeader("text/html,application/json")
		.acceptLanguageHeader("zh-CN")
		.disableFollowRedirect()
		.shareConnections();

	/** Signs in with the login form, keeping the session cookie and the CSRF token. */
	static ChainBuilder signIn() {
		return exec(http("login page").get("/login")
			.check(regex("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").saveAs("csrf")))
			.exec(http("login").post("/login")
				.formParam("username", "#{username}")
				.formParam("password", PASSWORD)
				.formParam("_csrf", "#{csrf}")
				.check(status().is(302), io.gatling.javaapi.http.HttpDsl.header("Location").not("/login?error")))
			.exec(http("dashboard page").get("/")
				.check(status().is(200), regex("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").saveAs("csrf")));
	}

	static ChainBuilder page(String name, String path) {
		return exec(http(name).get(path).check(status().is(200))).pause(think());
	}

	/**
	 * A page with charts as a browser opens it: the page, then at once, without a pause,
	 * the data of each chart on it ({@code .chart[data-url]}, fetched by charts.js as the
	 * page loads), then the person's pause. The instance page draws five charts, the
	 * utilisation page one.
	 */
	static ChainBuilder pageWithCharts(String name, String path, String chartName) {
		return exec(http(name).get(path)
			.check(status().is(200),
					regex("class=\"chart\"[^>]*data-url=\"([^\"]+)\"").findAll().optional().saveAs("chartUrls")))
			.exec(doIf((session) -> session.contains("chartUrls")).then(foreach("#{chartUrls}", "chartUrl")
				.on(exec(http(chartName).get((session) -> session.getString("chartUrl").replace("&amp;", "&"))
					.header("Accept", "application/json")
					.check(status().is(200))))))
			.exec((session) -> session.remove("chartUrls"))
			.pause(think());
	}

	static ChainBuilder api(String name, String path) {
		return exec(http(name).get(path).header("Accept", "application/json").check(status().is(200))).pause(think());
	}

	static Duration think() {
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(THINK_MS * 2 + 1));
	}

	/**
	 * What everyone opens: dashboard and unread count, and, for those who may see them,
	 * the utilisation trend page and its chart API.
	 */
	static ChainBuilder everyone(boolean charts) {
		ChainBuilder common = randomSwitch().on(percent(40.0).then(page("dashboard page", "/")),
				percent(30.0).then(api("dashboard api", "/api/v1/dashboard")),
				percent(30.0).then(api("unread count api", "/api/v1/notifications/unread-count")));
		return !charts ? common : randomSwitch().on(percent(60.0).then(common),
				percent(20.0).then(pageWithCharts("utilisation page", "/utilisation?metric=CPU&period=WEEK",
						"utilisation trend api (chart)")),
				percent(20.0).then(api("utilisation trend api", "/api/v1/metering/trend?metric=CPU&period=WEEK")));
	}

	static Iterator<Map<String, Object>> people(Function<Integer, String> name, int from, int count) {
		return Stream.generate(() -> IntStream.range(from, from + count).boxed())
			.flatMap(Function.identity())
			.map((n) -> Map.<String, Object>of("username", name.apply(n)))
			.iterator();
	}

	ScenarioBuilder role(String role, Iterator<Map<String, Object>> feeder, boolean charts, ChainBuilder work) {
		return scenario(role).feed(feeder)
			.exec(signIn())
			.during(RUN)
			.on(randomSwitch().on(percent(40.0).then(everyone(charts)), percent(60.0).then(work)));
	}

	{
		int reviewers = share(16);
		int admins = share(30);
		int members = share(20);
		int operators = share(12);
		int managers = share(6);
		int finance = share(4);
		int officers = share(8);
		// One audit administrator: an administrator has one session at a time (等保 level
		// 3),
		// so a second person signing in as auditadmin ends the first one's session.
		int auditors = 1;
		members = Math.max(1, USERS - reviewers - admins - operators - managers - finance - officers - auditors);
		PopulationBuilder[] populations = {
				role("reviewer", people((n) -> (n == 1) ? "reviewer" : "reviewer" + n, 1, 10), true, Work.reviewer())
					.injectOpen(atOnceUsers(reviewers)),
				role("unit admin", people((n) -> "w%04dadmin".formatted(n), 7, 900), true, Work.unit())
					.injectOpen(atOnceUsers(admins)),
				role("unit member", people((n) -> "w%04dmember".formatted(n), 7, 900), true, Work.unit())
					.injectOpen(atOnceUsers(members)),
				role("supplier operator", people((n) -> (n == 1) ? "operator" : "operator" + n, 1, 2), true,
						Work.operator())
					.injectOpen(atOnceUsers(operators)),
				role("manager", people((n) -> (n == 1) ? "manager" : "manager" + n, 1, 2), true, Work.manager())
					.injectOpen(atOnceUsers(managers)),
				role("finance", people((n) -> (n == 1) ? "finance" : "finance" + n, 1, 2), false, Work.finance())
					.injectOpen(atOnceUsers(finance)),
				role("security officer", people((n) -> "w%04dofficer".formatted(n), 7, 900), true, Work.officer())
					.injectOpen(atOnceUsers(officers)),
				role("audit admin", people((n) -> "auditadmin", 1, 1), false, Work.auditor())
					.injectOpen(atOnceUsers(auditors)) };
		setUp(populations).protocols(this.protocol)
			.assertions(global().failedRequests().count().is(0L), global().responseTime().percentile(99.0).lte(200),
					global().requestsPerSec().gte(500.0));
	}

	private static int share(int percent) {
		return Math.max(1, USERS * percent / 100);
	}

}
