package cn.govcloud;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govcloud.ApiSurface.Operation;
import cn.govcloud.ApiSurface.Parameter;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input to every operation of the OpenAPI document — every body field, query
 * and path parameter and upload, spoiled one at a time — as people of every kind of
 * organisation: each answer is a 4xx with a readable problem naming the field, never a
 * 5xx, never an echo of unbounded input, and no table holds anything afterwards that it
 * did not hold before.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputIntegrationTests {

	private static final List<String> PEOPLE = List.of("unitadmin", "operator", "manager", "reviewer", "sysadmin",
			"auditadmin");

	private static final Pattern PATH_VARIABLE = Pattern.compile("([a-z-]+)/\\{([A-Za-z]+)}");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final Map<String, TestClient> clients = new LinkedHashMap<>();

	final Map<String, List<String>> ids = new LinkedHashMap<>();

	TestClient ingest;

	final List<String> failures = new ArrayList<>();

	int requests;

	@BeforeAll
	void recordsToAimAt() {
		Scenarios.Accepted accepted = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc),
				1);
		Scenarios.Approved second = Scenarios.approvedHosts(this.port, "unitadmin", 1, 16, false);
		String draftContract = JsonPath.read(second.unit()
			.postJson("/api/v1/contracts",
					"{\"applicationId\":\"" + second.id() + "\",\"supplierId\":\"" + Scenarios.demoSupplier(this.jdbc)
							+ "\",\"contractCode\":\"FUZZ-" + UUID.randomUUID().toString().substring(0, 8)
							+ "\",\"termStart\":\"2026-03-01\",\"termEnd\":\"2027-02-28\",\"lines\":[]}")
			.body(), "$.id");
		String draftApplication = JsonPath.read(accepted.unit()
			.postJson("/api/v1/applications",
					"{\"systemId\":\"" + accepted.systemId()
							+ "\",\"planVersion\":1,\"lines\":[{\"kind\":\"CLOUD_HOST\","
							+ "\"spec\":{\"vcpu\":2,\"memoryGib\":4,\"systemDiskGib\":50,\"os\":\"麒麟 Kylin\"},"
							+ "\"quantity\":1,\"justification\":\"测试\"}]}")
			.body(), "$.id");
		this.ids.put("contracts/{id}", List.of(draftContract, accepted.contractId()));
		this.ids.put("applications/{id}", List.of(draftApplication, accepted.approved().id()));
		this.ids.put("systems/{id}", List.of(accepted.systemId()));
		this.ids.put("work-orders/{id}", List.of(accepted.orderId()));
		this.ids.put("instances/{instanceId}", List.of(accepted.instanceIds().get(0)));
		this.ids.put("instances/{id}", List.of(accepted.instanceIds().get(0)));
		this.ids.put("lines/{lineId}",
				List.of(this.jdbc.sql("SELECT id::text FROM work_order_line WHERE work_order_id = ?")
					.param(UUID.fromString(accepted.orderId()))
					.query(String.class)
					.list()
					.get(0)));
		this.ids.put("users/{id}", List.of(sql("SELECT id::text FROM app_user WHERE username = 'unitmember'")));
		this.ids.put("organizations/{id}", List.of(sql("SELECT id::text FROM organization WHERE name = '宜兴市公安局'")));
		this.ids.put("price-lists/{id}", List.of(sql("SELECT id::text FROM price_list LIMIT 1")));
		this.ids.put("kinds/{code}", List.of("CLOUD_HOST"));
		this.ids.put("years/{year}", List.of(String.valueOf(CityTime.today().getYear())));
		String ticket = JsonPath.read(accepted.unit()
			.postJson("/api/v1/tickets", "{\"systemId\":\"" + accepted.systemId()
					+ "\",\"category\":\"FAULT\",\"priority\":\"P2\",\"title\":\"畸形输入\",\"description\":\"测试\"}")
			.body(), "$.ticket.id");
		this.ids.put("tickets/{id}", List.of(ticket));
		// Art. 17: a request awaiting the unit, asked for a window that starts after the
		// samples' times, so no spoiled approval can fit inside it.
		java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String grant = JsonPath.read(TestClient.signedIn(this.port, "operator")
			.postJson("/api/v1/access-grants",
					"{\"instanceIds\":[\"" + accepted.instanceIds().get(0)
							+ "\"],\"kind\":\"SSH\",\"purpose\":\"畸形输入\"," + "\"from\":\"" + now.plusSeconds(3600)
							+ "\",\"until\":\"" + now.plusSeconds(7200) + "\"}")
			.body(), "$.grant.id");
		this.ids.put("access-grants/{id}", List.of(grant));
		this.ids.put("reports/{id}",
				List.of(UnitRecords.report(this.jdbc,
						UUID.fromString(sql("SELECT id::text FROM organization WHERE name = '宜兴市公安局'")),
						Scenarios.demoSupplier(this.jdbc), "畸形输入")));
		this.ids.put("obligations/{id}", List.of(UnitRecords.obligation(this.jdbc, Scenarios.demoSupplier(this.jdbc))));
		this.ids.put("findings/{id}",
				List.of(SecurityRecords
					.create(this.port, this.jdbc, accepted, Scenarios.demoSupplier(this.jdbc), "畸形输入")
					.get("finding")));
		for (String version : List.of("plans/{version}", "exemption-documents/{version}", "evidence/{version}")) {
			this.ids.put(version, List.of("1"));
		}
		for (String person : PEOPLE) {
			this.clients.put(person, TestClient.signedIn(this.port, person));
		}
		String issued = this.clients.get("manager")
			.postJson("/api/v1/metering/credentials",
					"{\"supplierId\":\"" + Scenarios.demoSupplier(this.jdbc) + "\",\"label\":\"fuzz\"}")
			.body();
		this.ingest = TestClient.withToken(this.port, JsonPath.read(issued, "$.token"));
	}

	@Test
	void noOperationAnswers5xxToMalformedInputAndRejectedRequestsLeaveNothingBehind() {
		ApiSurface api = new ApiSurface(this.clients.get("manager").getJson("/v3/api-docs").body());
		List<Operation> operations = api.operations();
		Map<String, String> before = DatabaseDigest.of(this.jdbc);
		for (Operation operation : operations) {
			for (Attempt attempt : attempts(api, operation)) {
				send(operation, attempt);
			}
		}
		Map<String, String> after = DatabaseDigest.of(this.jdbc);
		System.out.printf("Malformed input: %d operations, %d requests, %d failures%n", operations.size(),
				this.requests, this.failures.size());
		this.failures.forEach((failure) -> System.out.println("  " + failure));
		assertThat(operations).hasSizeGreaterThan(100);
		assertThat(this.failures).as(String.join("\n", this.failures.subList(0, Math.min(80, this.failures.size()))))
			.isEmpty();
		assertThat(after).as("tables changed by rejected requests").isEqualTo(before);
	}

	@Test
	void noPageAnswers5xxToMalformedParameters() {
		int pages = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			if (!mapping.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				continue;
			}
			for (String template : mapping.getKey().getPatternValues()) {
				if (template.startsWith("/api/") || template.startsWith("/v3/") || template.contains("swagger")
						|| template.equals("/error")) {
					continue;
				}
				pages++;
				for (String query : PageParameters.malformed(mapping.getValue())) {
					sendPage(concrete(template, 0) + query, PageParameters.mustBeRefused(query));
				}
			}
		}
		System.out.printf("Malformed page parameters: %d page routes, %d failures%n", pages, this.failures.size());
		assertThat(pages).isGreaterThan(30);
		assertThat(this.failures).as(String.join("\n", this.failures)).isEmpty();
	}

	private void sendPage(String path, boolean mustBeRefused) {
		for (TestClient caller : this.clients.values()) {
			HttpResponse<String> response = caller.get(path, "text/html");
			int status = response.statusCode();
			boolean broken = status >= 500 || response.body().contains("Exception") || (mustBeRefused && status < 400);
			if (broken) {
				this.failures.add("GET " + path + " → " + status);
				return;
			}
		}
	}

	/** One malformed request: where, what and whether only a 4xx will do. */
	record Attempt(String label, String path, String contentType, byte[] body, boolean mustBeRefused) {
	}

	private List<Attempt> attempts(ApiSurface api, Operation operation) {
		List<Attempt> attempts = new ArrayList<>();
		String path = concrete(operation.path(), 0);
		String query = query(operation, null, null);
		byte[] skeleton = skeleton(api, operation);
		String type = operation.multipart() ? multipartType() : operation.contentType();
		for (Parameter parameter : operation.parameters()) {
			for (String bad : Mutations.forParameter(parameter)) {
				String label = parameter.in() + " " + parameter.name() + "=" + abbreviate(bad);
				if (parameter.in().equals("path")) {
					attempts.add(new Attempt(label,
							concrete(operation.path().replace("{" + parameter.name() + "}", bad), 0) + query, type,
							skeleton, true));
				}
				else if (parameter.in().equals("query")) {
					attempts.add(new Attempt(label, path + query(operation, parameter.name(), bad), type, skeleton,
							!edge(parameter, operation)));
				}
			}
		}
		if (operation.parameters().stream().anyMatch((p) -> p.name().equals("page"))) {
			attempts.add(new Attempt("page and size at the int limit",
					path + query(operation, "page", "2147483647").replace("size=1", "size=2147483647"), null, null,
					false));
		}
		for (int candidate = 0; candidate < candidates(operation.path()); candidate++) {
			attempts.addAll(bodies(api, operation, concrete(operation.path(), candidate) + query));
		}
		return attempts;
	}

	private List<Attempt> bodies(ApiSurface api, Operation operation, String target) {
		List<Attempt> attempts = new ArrayList<>();
		if (operation.json()) {
			Mutations.bodies(api, operation.body(), api.skeleton(operation.body(), 0))
				.forEach((label, json) -> attempts
					.add(new Attempt(label, target, "application/json", json.getBytes(StandardCharsets.UTF_8), true)));
			Mutations.wholeBodies(new String(skeleton(api, operation), StandardCharsets.UTF_8))
				.forEach((label, bytes) -> attempts.add(new Attempt(label, target, "application/json", bytes, true)));
			attempts.add(new Attempt("multipart without boundary", target, "multipart/form-data",
					"--x\r\n".getBytes(StandardCharsets.UTF_8), true));
		}
		if (operation.multipart()) {
			for (String name : List.of("a\u0000.pdf", "x".repeat(5000) + ".pdf")) {
				attempts.add(new Attempt("file name " + abbreviate(name), target, multipartType(),
						Uploads.multipart("file", name, Scenarios.PDF), true));
			}
			attempts.add(new Attempt("multipart without boundary", target, "multipart/form-data",
					"--x\r\n".getBytes(StandardCharsets.UTF_8), true));
		}
		return attempts;
	}

	private void send(Operation operation, Attempt attempt) {
		List<TestClient> callers = operation.parameters().stream().anyMatch((p) -> p.in().equals("header"))
				? List.of(this.ingest) : List.copyOf(this.clients.values());
		for (TestClient caller : callers) {
			HttpResponse<String> response = caller.send(operation.method(), attempt.path(), attempt.contentType(),
					attempt.body());
			this.requests++;
			String problem = Answers.problemWith(response, attempt.mustBeRefused());
			if (problem != null) {
				this.failures.add(operation + " [" + attempt.label() + "] → " + response.statusCode() + " " + problem);
				return;
			}
		}
	}

	private byte[] skeleton(ApiSurface api, Operation operation) {
		if (operation.multipart()) {
			return Uploads.multipart("file", "plan.pdf", Scenarios.PDF);
		}
		if (operation.json()) {
			return ApiSurface.JSON.writeValueAsBytes(api.skeleton(operation.body(), 0));
		}
		return null;
	}

	private static String multipartType() {
		return "multipart/form-data; boundary=" + Uploads.BOUNDARY;
	}

	/** Query parameters may be a paging edge (or a free text) that a list may answer. */
	private static boolean edge(Parameter parameter, Operation operation) {
		return operation.method().equals("GET") && (parameter.name().equals("page") || parameter.name().equals("size"));
	}

	private String query(Operation operation, String spoiled, String bad) {
		StringBuilder query = new StringBuilder();
		for (Parameter parameter : operation.parameters()) {
			if (parameter.in().equals("query")) {
				String value = parameter.name().equals(spoiled) ? bad
						: parameter.name().equals("size") ? "1" : ApiSurface.sampleText(parameter.type().equals("array")
								? parameter.schema().path("items") : parameter.schema());
				query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=').append(value);
			}
		}
		return query.toString();
	}

	private int candidates(String template) {
		Matcher matcher = PATH_VARIABLE.matcher(template);
		int most = 1;
		while (matcher.find()) {
			most = Math.max(most,
					this.ids.getOrDefault(matcher.group(1) + "/{" + matcher.group(2) + "}", List.of("x")).size());
		}
		return most;
	}

	/**
	 * The template with real records' ids, the {@code candidate}-th where there are
	 * several.
	 */
	private String concrete(String template, int candidate) {
		Matcher matcher = PATH_VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			List<String> known = this.ids.get(matcher.group(1) + "/{" + matcher.group(2) + "}");
			String id = (known == null) ? UUID.randomUUID().toString()
					: known.get(Math.min(candidate, known.size() - 1));
			matcher.appendReplacement(path, matcher.group(1) + "/" + id);
		}
		matcher.appendTail(path);
		return path.toString();
	}

	private String sql(String sql) {
		return this.jdbc.sql(sql).query(String.class).single();
	}

	private static String abbreviate(String text) {
		return (text.length() > 20) ? text.substring(0, 10) + "…(" + text.length() + ")"
				: text.replace("\u0000", "\\0");
	}

}
