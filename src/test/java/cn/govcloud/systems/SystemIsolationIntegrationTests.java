package cn.govcloud.systems;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.govcloud.systems.SystemsApi.PDF;
import static cn.govcloud.systems.SystemsApi.register;
import static cn.govcloud.systems.SystemsApi.requestExemption;
import static cn.govcloud.systems.SystemsApi.statusOf;
import static cn.govcloud.systems.SystemsApi.today;
import static cn.govcloud.systems.SystemsApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data scoping (C1) for every endpoint of the register: another unit's system reads
 * exactly like one that does not exist, through API and pages, and nothing changes.
 */
@GovCloudIntegrationTest
class SystemIsolationIntegrationTests {

	@LocalServerPort
	int port;

	TestClient owner;

	TestClient other;

	String name;

	String id;

	String request;

	@BeforeEach
	void aSystemOfThePoliceWithAPlanAndAPendingExemption() {
		this.owner = TestClient.signedIn(this.port, "unitadmin");
		this.other = TestClient.signedIn(this.port, "unitadmin2");
		this.name = unique("公安内网系统");
		this.id = register(this.owner, this.name, "LEGACY_SELF_HOSTED");
		assertThat(
				this.owner.postMultipart("/api/v1/systems/" + this.id + "/plans", "file", "方案.pdf", PDF).statusCode())
			.isEqualTo(201);
		this.request = requestExemption(this.owner, this.id);
	}

	@Test
	void everyApiCallOnAnotherUnitsSystemAnswersLikeOneOnNoSystem() {
		Map<String, BiFunction<TestClient, String, HttpResponse<String>>> calls = Map.ofEntries(
				Map.entry("get", (c, s) -> c.getJson("/api/v1/systems/" + s)),
				Map.entry("transitions", (c, s) -> c.getJson("/api/v1/systems/" + s + "/transitions")),
				Map.entry("history", (c, s) -> c.getJson("/api/v1/systems/" + s + "/status-history")),
				Map.entry("plans", (c, s) -> c.getJson("/api/v1/systems/" + s + "/plans")),
				Map.entry("plan download", (c, s) -> c.get("/api/v1/systems/" + s + "/plans/1", "*/*")),
				Map.entry("exemption documents", (c, s) -> c.getJson("/api/v1/systems/" + s + "/exemption-documents")),
				Map.entry("exemption document download",
						(c, s) -> c.get("/api/v1/systems/" + s + "/exemption-documents/1", "*/*")),
				Map.entry("exemptions", (c, s) -> c.getJson("/api/v1/systems/" + s + "/exemptions")),
				Map.entry("status",
						(c, s) -> c.postJson("/api/v1/systems/" + s + "/status",
								"{\"status\":\"MIGRATING\",\"targetDate\":\"" + today().plusMonths(1) + "\"}")),
				Map.entry("exemption request",
						(c, s) -> c.postJson("/api/v1/systems/" + s + "/status",
								"{\"status\":\"EXEMPT\",\"exemptionBasis\":\"依据\",\"documentVersion\":1}")),
				Map.entry("edit", (c, s) -> c.putJson("/api/v1/systems/" + s, "{\"name\":\"改名\",\"purpose\":\"改\"}")),
				Map.entry("plan upload",
						(c, s) -> c.postMultipart("/api/v1/systems/" + s + "/plans", "file", "p.pdf", PDF)),
				Map.entry("exemption document upload", (c, s) -> c
					.postMultipart("/api/v1/systems/" + s + "/exemption-documents", "file", "p.pdf", PDF)));
		calls.forEach((what, call) -> {
			HttpResponse<String> guessed = call.apply(this.other, this.id);
			HttpResponse<String> missing = call.apply(this.other, UUID.randomUUID().toString());
			assertThat(guessed.statusCode()).as(what).isEqualTo(404);
			assertThat(withoutInstance(guessed.body())).as(what).isEqualTo(withoutInstance(missing.body()));
			if (guessed.request().method().equals("GET")) {
				assertThat(call.apply(this.owner, this.id).statusCode()).as(what + " by the owner").isEqualTo(200);
			}
		});
		unchanged();
	}

	@Test
	void aUnitNeitherGrantsNorRefusesAndTheCommissionFindsNoGuessedRequest() {
		for (String decision : List.of("grant", "refuse")) {
			String path = "/api/v1/systems/" + this.id + "/exemptions/" + this.request + "/" + decision;
			assertThat(this.other.postJson(path, "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
			assertThat(this.owner.postJson(path, "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
			TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
			assertThat(reviewer
				.postJson("/api/v1/systems/" + this.id + "/exemptions/" + UUID.randomUUID() + "/" + decision,
						"{\"reason\":\"x\"}")
				.statusCode()).isEqualTo(404);
			assertThat(reviewer
				.postJson("/api/v1/systems/" + UUID.randomUUID() + "/exemptions/" + this.request + "/" + decision,
						"{\"reason\":\"x\"}")
				.statusCode()).isEqualTo(404);
		}
		assertThat(this.other.getJson("/api/v1/systems/exemptions/pending").statusCode()).isEqualTo(403);
		unchanged();
	}

	@Test
	void everyPageOfAnotherUnitsSystemReadsLikeAPageOfNoSystem() {
		this.other.get("/systems");
		Map<String, BiFunction<TestClient, String, HttpResponse<String>>> pages = Map.of("detail",
				(c, s) -> c.get("/systems/" + s), "status",
				(c, s) -> c.postForm("/systems/" + s + "/status",
						Map.of("status", "OFFLINE", "expectedStatus", "LEGACY_SELF_HOSTED", "reason", "下线")),
				"edit", (c, s) -> c.postForm("/systems/" + s, Map.of("name", "改名", "purpose", "改")), "plan upload",
				(c, s) -> c.postMultipart("/systems/" + s + "/plans", "file", "p.pdf", PDF), "exemption request",
				(c, s) -> c.postMultipart("/systems/" + s + "/exemption?exemptionBasis=x", "file", "p.pdf", PDF));
		pages.forEach((what, page) -> {
			HttpResponse<String> guessed = page.apply(this.other, this.id);
			HttpResponse<String> missing = page.apply(this.other, UUID.randomUUID().toString());
			assertThat(guessed.statusCode()).as(what).isEqualTo(404).isEqualTo(missing.statusCode());
			assertThat(anonymous(guessed.body())).as(what)
				.isEqualTo(anonymous(missing.body()))
				.doesNotContain(this.name);
		});
		assertThat(this.other.get("/systems?q=" + this.id.substring(0, 4)).body()).doesNotContain(this.name);
		assertThat(this.other.getJson("/api/v1/systems?size=200").body()).doesNotContain(this.id);
		assertThat(this.other.get("/systems/overview").statusCode()).isEqualTo(403);
		unchanged();
	}

	private void unchanged() {
		assertThat(statusOf(this.owner, this.id)).isEqualTo("LEGACY_SELF_HOSTED");
		assertThat(JsonPath.<List<Object>>read(this.owner.getJson("/api/v1/systems/" + this.id + "/plans").body(), "$"))
			.hasSize(1);
		assertThat((String) JsonPath.read(this.owner.getJson("/api/v1/systems/" + this.id).body(), "$.name"))
			.isEqualTo(this.name);
		assertThat(JsonPath.<List<String>>read(this.owner.getJson("/api/v1/systems/" + this.id + "/exemptions").body(),
				"$[*].state"))
			.containsExactly("PENDING");
	}

	/**
	 * An error answer without what differs between any two: the time and the path asked.
	 */
	private static String anonymous(String error) {
		return error.replaceAll("\"(timestamp|path)\":\"[^\"]*\",?", "");
	}

	private static String withoutInstance(String problem) {
		return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
	}

}
