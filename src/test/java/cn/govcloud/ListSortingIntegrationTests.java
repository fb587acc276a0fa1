package cn.govcloud;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.govcloud.shared.Page;
import cn.govcloud.shared.web.ListParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list API sorts by each field its OpenAPI description names, both ways, and the
 * items really come back in that order; an unknown field or direction is refused naming
 * {@code sort}; a page size above the maximum is capped and the answer says so (ADR
 * 0017).
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListSortingIntegrationTests {

	/** Who reads each list; the first one that sees two items or more is used. */
	private static final List<String> READERS = List.of("reviewer", "sysadmin", "auditadmin", "unitadmin");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final Map<String, TestClient> clients = new LinkedHashMap<>();

	/** Each list API's path and its sortable fields, as the OpenAPI document says. */
	private final Map<String, List<String>> lists = new LinkedHashMap<>();

	/** Each list API's path and the properties of its items. */
	private final Map<String, JsonNode> itemProperties = new LinkedHashMap<>();

	@BeforeAll
	void twoRecordsOfEachKind() {
		UnitRecords.create(this.port, this.jdbc);
		UnitRecords.create(this.port, this.jdbc);
		READERS.forEach((user) -> this.clients.put(user, TestClient.signedIn(this.port, user)));
		String document = this.clients.get("reviewer").getJson("/v3/api-docs").body();
		ApiSurface api = new ApiSurface(document);
		JsonNode paths = ApiSurface.JSON.readTree(document).get("paths");
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			JsonNode get = path.getValue().get("get");
			if (get == null || parameter(get, "page") == null) {
				continue;
			}
			JsonNode sort = parameter(get, "sort");
			assertThat(sort).as("the list %s takes sort", path.getKey()).isNotNull();
			String description = sort.get("description").asString();
			assertThat(description).startsWith(ListParameters.SORT).endsWith(".");
			this.lists.put(path.getKey(), Arrays
				.asList(description.substring(ListParameters.SORT.length(), description.length() - 1).split(", ")));
			JsonNode pageSchema = api.resolve(get.path("responses")
				.path("200")
				.path("content")
				.properties()
				.iterator()
				.next()
				.getValue()
				.get("schema"));
			this.itemProperties.put(path.getKey(),
					api.resolve(pageSchema.path("properties").path("items").path("items")).path("properties"));
		}
	}

	@Test
	void everyListSortsByEachOfItsFieldsBothWays() {
		assertThat(this.lists).hasSizeGreaterThanOrEqualTo(11)
			.containsKeys("/api/v1/systems", "/api/v1/applications", "/api/v1/contracts", "/api/v1/work-orders",
					"/api/v1/inventory/instances", "/api/v1/terminations", "/api/v1/organizations", "/api/v1/users",
					"/api/v1/price-lists", "/api/v1/audit/events", "/api/v1/notifications");
		int checked = 0;
		for (Map.Entry<String, List<String>> list : this.lists.entrySet()) {
			TestClient reader = reader(list.getKey());
			for (String field : list.getValue()) {
				assertThat(this.itemProperties.get(list.getKey()).has(field))
					.as("%s: its items have the field %s", list.getKey(), field)
					.isTrue();
				for (String direction : List.of("asc", "desc")) {
					String sort = field + "," + direction;
					HttpResponse<String> answer = reader.getJson(list.getKey() + "?size=200&sort=" + sort);
					assertThat(answer.statusCode()).as("%s %s: %s", list.getKey(), sort, answer.body()).isEqualTo(200);
					JsonNode page = ApiSurface.JSON.readTree(answer.body());
					assertThat(page.get("sort").asString()).isEqualTo(sort);
					List<JsonNode> values = new ArrayList<>();
					// An empty field is left out of the JSON.
					page.get("items").forEach((item) -> values.add(item.path(field)));
					assertInOrder(list.getKey() + " " + sort, values, direction.equals("asc"));
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(100);
	}

	@Test
	void anUnknownFieldOrDirectionIsRefusedNamingSortAndTheValue() {
		for (String list : this.lists.keySet()) {
			TestClient reader = reader(list);
			String firstField = this.lists.get(list).get(0);
			for (String sort : List.of("nosuchfield,asc", firstField + ",sideways", firstField + ",asc,desc",
					"id;DROP TABLE organization,asc")) {
				HttpResponse<String> answer = reader.getJson(
						list + "?sort=" + java.net.URLEncoder.encode(sort, java.nio.charset.StandardCharsets.UTF_8));
				assertThat(answer.statusCode()).as("%s sort=%s", list, sort).isEqualTo(400);
				JsonNode error = ApiSurface.JSON.readTree(answer.body()).get("errors").get(0);
				assertThat(error.get("field").asString()).isEqualTo("sort");
				assertThat(error.get("message").asString()).contains(sort);
			}
		}
	}

	@Test
	void aPageSizeAboveTheMaximumIsCappedAndTheAnswerSaysTheSizeUsed() {
		for (String list : this.lists.keySet()) {
			HttpResponse<String> answer = reader(list).getJson(list + "?size=100000");
			assertThat(answer.statusCode()).as(list).isEqualTo(200);
			JsonNode page = ApiSurface.JSON.readTree(answer.body());
			assertThat(page.get("size").asInt()).as(list).isEqualTo(Page.MAX_SIZE);
			assertThat(page.get("items").size()).isLessThanOrEqualTo(Page.MAX_SIZE);
			assertThat(page.path("sort").isMissingNode()).as("the default order is no sort").isTrue();
		}
	}

	/**
	 * The first reader that sees two items or more of the list, else one that sees it.
	 */
	private TestClient reader(String list) {
		TestClient allowed = null;
		for (TestClient client : this.clients.values()) {
			HttpResponse<String> answer = client.getJson(list + "?size=2");
			if (answer.statusCode() == 200) {
				if (ApiSurface.JSON.readTree(answer.body()).get("items").size() >= 2) {
					return client;
				}
				allowed = (allowed != null) ? allowed : client;
			}
		}
		assertThat(allowed).as("someone reads %s", list).isNotNull();
		return allowed;
	}

	/**
	 * Values present come first, each no greater (ascending) or no smaller than the next;
	 * empty ones last. Text compares as PostgreSQL's collation does, so it is compared
	 * there.
	 */
	private void assertInOrder(String what, List<JsonNode> values, boolean ascending) {
		int firstNull = values.size();
		for (int i = 0; i < values.size(); i++) {
			if (values.get(i).isMissingNode() || values.get(i).isNull()) {
				firstNull = Math.min(firstNull, i);
			}
			else {
				assertThat(i).as("%s: a value after an empty one at %d", what, firstNull).isLessThan(firstNull);
			}
		}
		for (int i = 0; i + 1 < firstNull; i++) {
			int comparison = compare(values.get(i), values.get(i + 1));
			assertThat(ascending ? comparison <= 0 : comparison >= 0)
				.as("%s: %s then %s", what, values.get(i), values.get(i + 1))
				.isTrue();
		}
	}

	private int compare(JsonNode a, JsonNode b) {
		if (a.isNumber()) {
			return Double.compare(a.asDouble(), b.asDouble());
		}
		if (a.isBoolean()) {
			return Boolean.compare(a.asBoolean(), b.asBoolean());
		}
		String x = a.asString();
		String y = b.asString();
		if (x.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
			return Instant.parse(x).compareTo(Instant.parse(y));
		}
		if (x.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return LocalDate.parse(x).compareTo(LocalDate.parse(y));
		}
		return this.jdbc
			.sql("SELECT CASE WHEN CAST(:x AS text) < CAST(:y AS text) THEN -1"
					+ " WHEN CAST(:x AS text) = CAST(:y AS text) THEN 0 ELSE 1 END")
			.param("x", x)
			.param("y", y)
			.query(Integer.class)
			.single();
	}

	private static JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.get("name").asString().equals(name)) {
				return parameter;
			}
		}
		return null;
	}

}
