package cn.govcloud;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.govcloud.ReadRoutes.Route;
import com.jayway.jsonpath.JsonPath;
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
 * The separation of the three administrators (等保 level 3, ADR 0014), walked over every
 * read route with the ids of real records: the system and security administrators read
 * organisations and people, the audit administrator the audit trail, each their own
 * dashboard, inbox and account — and none of them any unit's records (403 or 404, never
 * the record). A Commission manager walks the same ids and reads the records, so the ids
 * are real.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministratorReadsIntegrationTests {

	/** Everyone's own: dashboard, inbox, account, tokens, notices by e-mail. */
	private static final Set<String> OWN = Set.of("/", "/login", "/api/v1/dashboard", "/api/v1/me", "/inbox",
			"/api/v1/notifications", "/api/v1/notifications/unread-count", "/account/password", "/account/tokens",
			"/api/v1/account/tokens", "/account/notices", "/api/v1/account/notice-mail", "/account/sessions",
			"/account/two-factor", "/login/code");

	/** Organisations and people. */
	private static final Set<String> DIRECTORY = Set.of("/organizations", "/organizations/{id}", "/users",
			"/users/{id}", "/api/v1/organizations", "/api/v1/organizations/{id}", "/api/v1/users",
			"/api/v1/users/{id}");

	/** Forms only the system administrator fills in. */
	private static final Set<String> ACCOUNT_FORMS = Set.of("/organizations/new", "/users/new");

	private static final Set<String> AUDIT_TRAIL = Set.of("/audit", "/audit/export", "/audit/verification",
			"/audit/archives", "/api/v1/audit/events", "/api/v1/audit/verification", "/api/v1/audit/export",
			"/api/v1/audit/archives");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	UnitRecords records;

	List<Route> routes;

	@BeforeAll
	void unitRecordsOfEveryKind() {
		this.records = UnitRecords.create(this.port, this.jdbc);
		this.routes = ReadRoutes.of(this.mappings, this.records::pathValue, this.records.queryValues());
	}

	@Test
	void theSystemAdministratorReadsOrganisationsAndPeopleAndNoUnitsRecord() {
		walk("sysadmin", union(OWN, DIRECTORY, ACCOUNT_FORMS));
	}

	@Test
	void theSecurityAdministratorReadsOrganisationsAndPeopleToGrantRolesAndNoUnitsRecord() {
		walk("secadmin", union(OWN, DIRECTORY, Set.of("/security-policy")));
	}

	@Test
	void theAuditAdministratorReadsTheAuditTrailAndNoUnitsRecordNorAnyoneElsesAccount() {
		walk("auditadmin", union(OWN, AUDIT_TRAIL));
	}

	@Test
	void theWalkUsesRealRecordsACommissionManagerReads() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		int read = 0;
		for (Route route : this.routes) {
			if (route.pattern().contains("{") && !route.pattern().contains("notifications")
					&& !route.pattern().contains("inbox")) {
				HttpResponse<String> answer = call(manager, route);
				assertThat(answer.statusCode()).as(route.url() + " " + answer.body()).isNotIn(404, 500);
				read += (answer.statusCode() == 200) ? 1 : 0;
			}
		}
		System.out.printf("manager read %d routes with the walk's ids%n", read);
		assertThat(read).as("routes with ids the manager reads").isGreaterThan(25);
		HttpResponse<String> system = manager.getJson("/api/v1/systems/" + this.records.systemId());
		assertThat(system.body()).contains(this.records.markers().get(0));
	}

	@Test
	void theWalkCoversEveryReadOperationOfTheOpenApiDocument() {
		String docs = TestClient.signedIn(this.port, "manager").getJson("/v3/api-docs").body();
		Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
		List<String> reads = paths.entrySet()
			.stream()
			.filter((path) -> path.getValue().containsKey("get"))
			.map(Map.Entry::getKey)
			.toList();
		System.out.printf("the OpenAPI document has %d read operations, all walked%n", reads.size());
		assertThat(reads).hasSizeGreaterThan(40);
		assertThat(this.routes.stream().map(Route::pattern)).containsAll(reads);
	}

	private void walk(String administrator, Set<String> allowed) {
		TestClient client = TestClient.signedIn(this.port, administrator);
		List<String> problems = new ArrayList<>();
		Map<Integer, Integer> statuses = new HashMap<>();
		List<String> read = new ArrayList<>();
		for (Route route : this.routes) {
			HttpResponse<String> answer = call(client, route);
			statuses.merge(answer.statusCode(), 1, Integer::sum);
			boolean mayRead = allowed.contains(route.pattern());
			if (answer.statusCode() < 400) {
				read.add(route.pattern());
			}
			if (mayRead && answer.statusCode() >= 400) {
				problems.add(route.url() + " may be read but answered " + answer.statusCode());
			}
			if (!mayRead && answer.statusCode() != 403 && answer.statusCode() != 404) {
				problems.add(route.url() + " answered " + answer.statusCode() + ", not 403 or 404");
			}
			boolean auditTrail = AUDIT_TRAIL.contains(route.pattern());
			for (String marker : this.records.markers()) {
				if (!auditTrail && answer.body().contains(marker)) {
					problems.add(route.url() + " shows a unit's record: " + marker);
				}
			}
		}
		System.out.printf("%s walked %d read routes: %s; read %s%n", administrator, this.routes.size(), statuses, read);
		assertThat(problems).as(administrator).isEmpty();
		assertThat(this.routes).as("read routes walked").hasSizeGreaterThan(70);
	}

	private static HttpResponse<String> call(TestClient client, Route route) {
		return route.api() ? client.getJson(route.url()) : client.get(route.url(), "text/html,*/*;q=0.8");
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		Set<String> all = new java.util.HashSet<>();
		for (Set<String> set : sets) {
			all.addAll(set);
		}
		return all;
	}

}
