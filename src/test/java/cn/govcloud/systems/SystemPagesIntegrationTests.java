package cn.govcloud.systems;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.govcloud.systems.SystemsApi.PDF;
import static cn.govcloud.systems.SystemsApi.move;
import static cn.govcloud.systems.SystemsApi.register;
import static cn.govcloud.systems.SystemsApi.requestExemption;
import static cn.govcloud.systems.SystemsApi.statusOf;
import static cn.govcloud.systems.SystemsApi.today;
import static cn.govcloud.systems.SystemsApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The register's pages as a browser sees them, without a browser. */
@GovCloudIntegrationTest
class SystemPagesIntegrationTests {

	private static final Pattern TRANSITION = Pattern.compile("data-transition=\"([A-Z_]+)\"");

	@LocalServerPort
	int port;

	@Test
	void theSystemsPageOffersTheAllowedTransitionsOnly() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String future = today().plusMonths(4).toString();
		Map<String, Set<String>> expected = new LinkedHashMap<>();
		String planned = register(unit, unique("规划"), "PLANNED");
		expected.put(planned, Set.of("ON_PLATFORM", "OFFLINE"));
		String legacy = register(unit, unique("自建"), "LEGACY_SELF_HOSTED");
		expected.put(legacy, Set.of("MIGRATING", "EXEMPT", "OFFLINE"));
		String migrating = register(unit, unique("迁移"), "LEGACY_SELF_HOSTED");
		move(unit, migrating, "{\"status\":\"MIGRATING\",\"targetDate\":\"" + future + "\"}");
		expected.put(migrating, Set.of("ON_PLATFORM", "MIGRATING", "LEGACY_SELF_HOSTED"));
		String onPlatform = register(unit, unique("上云"), "ON_PLATFORM");
		expected.put(onPlatform, Set.of("OFFLINE"));
		String offline = register(unit, unique("下线"), "ON_PLATFORM");
		move(unit, offline, "{\"status\":\"OFFLINE\",\"reason\":\"停用\"}");
		expected.put(offline, Set.of());
		String pending = register(unit, unique("待豁免"), "LEGACY_SELF_HOSTED");
		String request = requestExemption(unit, pending);
		expected.put(pending, Set.of("MIGRATING", "OFFLINE"));
		String exempt = register(unit, unique("豁免"), "LEGACY_SELF_HOSTED");
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		reviewer.postJson("/api/v1/systems/" + exempt + "/exemptions/" + requestExemption(unit, exempt) + "/grant",
				"{}");
		expected.put(exempt, Set.of("MIGRATING", "LEGACY_SELF_HOSTED"));

		expected.forEach((id, transitions) -> {
			HttpResponse<String> page = unit.get("/systems/" + id);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(transitions(page.body())).as(statusOf(unit, id)).isEqualTo(new TreeSet<>(transitions));
			assertThat(transitions(reviewer.get("/systems/" + id).body())).as("the Commission's view").isEmpty();
		});
		assertThat(unit.get("/systems/" + offline).body()).contains("该系统的托管状态不能再变更");
		String commissionView = reviewer.get("/systems/" + pending).body();
		assertThat(commissionView).contains("id=\"exemption-grant\"")
			.contains("/systems/" + pending + "/exemptions/" + request + "/refuse");
		assertThat(unit.get("/systems/" + pending).body()).contains("id=\"pending-exemption\"")
			.doesNotContain("id=\"exemption-grant\"");
	}

	@Test
	void aUnitChangesTheStatusThroughThePageAndSeesWhyARefusedChangeFailed() {
		TestClient unit = TestClient.signedIn(this.port, "unitmember");
		String id = register(unit, unique("页面系统"), "LEGACY_SELF_HOSTED");
		unit.get("/systems/" + id);
		HttpResponse<String> noDate = transition(unit, id,
				Map.of("status", "MIGRATING", "expectedStatus", "LEGACY_SELF_HOSTED"));
		assertThat(noDate.statusCode()).isEqualTo(200);
		assertThat(noDate.body()).contains("迁移须填写计划完成日期").contains("autofocus");
		HttpResponse<String> badDate = transition(unit, id,
				Map.of("status", "MIGRATING", "expectedStatus", "LEGACY_SELF_HOSTED", "targetDate", "2027-02-30"));
		assertThat(badDate.statusCode()).isEqualTo(200);
		assertThat(badDate.body()).contains("格式不正确");
		HttpResponse<String> unknown = transition(unit, id, Map.of("status", "FLYING", "reason", "x"));
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).contains("格式不正确");
		HttpResponse<String> forged = transition(unit, id, Map.of("status", "ON_PLATFORM"));
		assertThat(forged.body()).contains("不能将托管状态从“自建运行”改为“已上云”");
		assertThat(statusOf(unit, id)).isEqualTo("LEGACY_SELF_HOSTED");

		HttpResponse<String> done = transition(unit, id, Map.of("status", "MIGRATING", "expectedStatus",
				"LEGACY_SELF_HOSTED", "targetDate", today().plusMonths(5).toString()));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith(id));
		String page = unit.get("/systems/" + id).body();
		assertThat(page).contains("托管状态已变更").contains("id=\"migration-target\"");
		HttpResponse<String> stale = transition(unit, id,
				Map.of("status", "OFFLINE", "expectedStatus", "LEGACY_SELF_HOSTED", "reason", "停用"));
		assertThat(stale.body()).contains("托管状态已被他人变更：现为“迁移中”");
		assertThat(statusOf(unit, id)).isEqualTo("MIGRATING");
	}

	@Test
	void aUnitRegistersAndEditsASystemThroughTheForms() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String form = unit.get("/systems/new").body();
		assertThat(form).contains("公安局安全责任人 陈静").contains("<label for=\"name\"");
		HttpResponse<String> blank = unit.postForm("/systems",
				Map.of("name", " ", "purpose", "用途", "hostingStatus", "PLANNED"));
		assertThat(blank.statusCode()).isEqualTo(200);
		assertThat(blank.body()).contains("id=\"name-error\"").contains("必填");
		String name = unique("页面登记系统");
		HttpResponse<String> created = unit.postForm("/systems", Map.of("name", name, "purpose", "对外服务",
				"hostingStatus", "LEGACY_SELF_HOSTED", "protectionLevel", "2", "lastAssessmentOn", "2025-06-30"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		String id = location.substring(location.lastIndexOf('/') + 1);
		String detail = unit.get("/systems/" + id).body();
		assertThat(detail).contains(name).contains("第 2 级").contains("2025-06-30");

		HttpResponse<String> future = unit.postForm("/systems/" + id,
				Map.of("name", name, "purpose", "对外服务", "lastAssessmentOn", today().plusDays(2).toString()));
		assertThat(future.body()).contains("最近测评日期不能晚于今天");
		HttpResponse<String> garbled = unit.postForm("/systems/" + id, Map.of("name", name, "purpose", "对外服务",
				"protectionLevel", "三级", "securityOfficerId", "nobody", "lastAssessmentOn", "2025-13-01"));
		assertThat(garbled.statusCode()).isEqualTo(200);
		assertThat(garbled.body()).contains("id=\"edit-form\"").contains("格式不正确").contains("2025-13-01");
		HttpResponse<String> garbledNew = unit.postForm("/systems",
				Map.of("name", "x", "purpose", "y", "hostingStatus", "SOMEWHERE", "protectionLevel", "9"));
		assertThat(garbledNew.statusCode()).isEqualTo(200);
		assertThat(garbledNew.body()).contains("id=\"system-form\"").contains("格式不正确");
		HttpResponse<String> edited = unit.postForm("/systems/" + id,
				Map.of("name", name + " 二期", "purpose", "对外服务", "protectionLevel", "3"));
		assertThat(edited.statusCode()).isEqualTo(302);
		assertThat((Integer) JsonPath.read(unit.getJson("/api/v1/systems/" + id).body(), "$.protectionLevel"))
			.isEqualTo(3);

		String list = unit.get("/systems?status=LEGACY_SELF_HOSTED&q=" + id.substring(0, 0)).body();
		assertThat(list).contains(name + " 二期");
		assertThat(TestClient.signedIn(this.port, "unitadmin2").get("/systems").body()).doesNotContain(name);
	}

	@Test
	void aUnitAsksForAnExemptionOnThePageAndTheCommissionGrantsItThere() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String id = register(unit, unique("页面豁免"), "LEGACY_SELF_HOSTED");
		unit.get("/systems/" + id);
		HttpResponse<String> noBasis = unit.postMultipart("/systems/" + id + "/exemption", "file", "批复.pdf", PDF);
		assertThat(noBasis.body()).contains("豁免须写明法律、法规、规章或国家文件依据");
		// Basis and document at once: a disguised executable is refused and nothing is
		// kept.
		HttpResponse<String> disguised = unit.postMultipart("/systems/" + id + "/exemption?exemptionBasis=x", "file",
				"批复.pdf", SystemsApi.EXE);
		assertThat(disguised.statusCode()).isEqualTo(200);
		assertThat(disguised.body()).contains("文件内容与扩展名 .pdf 不符");
		assertThat(unit.getJson("/api/v1/systems/" + id + "/exemption-documents").body()).isEqualTo("[]");
		assertThat(unit.getJson("/api/v1/systems/" + id + "/exemptions").body()).isEqualTo("[]");
		HttpResponse<String> asked = unit.postMultipart(
				"/systems/" + id + "/exemption?expectedStatus=LEGACY_SELF_HOSTED&exemptionBasis=%E4%BE%9D%E6%8D%AE",
				"file", "批复.pdf", PDF);
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
		String request = JsonPath.read(unit.getJson("/api/v1/systems/" + id + "/exemptions").body(), "$[0].id");

		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		reviewer.get("/systems/" + id);
		HttpResponse<String> noReason = reviewer.postForm("/systems/" + id + "/exemptions/" + request + "/refuse",
				Map.of("reason", ""));
		assertThat(noReason.body()).contains("请填写原因");
		HttpResponse<String> granted = reviewer.postForm("/systems/" + id + "/exemptions/" + request + "/grant",
				Map.of("reason", "同意"));
		assertThat(granted.statusCode()).isEqualTo(302);
		assertThat(statusOf(unit, id)).isEqualTo("EXEMPT");
		assertThat(reviewer
			.get("/systems?unitId=" + JsonPath.read(unit.getJson("/api/v1/systems/" + id).body(), "$.unitId"))
			.body()).contains("id=\"unitId\"").contains("宜兴市公安局");
	}

	@Test
	void theFilterFormGetsJustTheResultTableThroughHtmx() throws Exception {
		String name = unique("筛选系统");
		register(TestClient.signedIn(this.port, "unitadmin"), name, "PLANNED");
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + this.port;
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), BodyHandlers.ofString())
				.body());
		assertThat(csrf.find()).isTrue();
		http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers
				.ofString("username=unitadmin&password=" + TestClient.DEMO_PASSWORD + "&_csrf=" + csrf.group(1)))
			.build(), BodyHandlers.ofString());
		String query = "/systems?status=PLANNED&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
		String fragment = http
			.send(HttpRequest.newBuilder(URI.create(base + query)).header("HX-Request", "true").build(),
					BodyHandlers.ofString())
			.body();
		assertThat(fragment).startsWith("<div id=\"systems-result\"").contains(name).doesNotContain("<html");
		assertThat(http.send(HttpRequest.newBuilder(URI.create(base + query)).build(), BodyHandlers.ofString()).body())
			.contains("<html")
			.contains("hx-get=\"/systems\"")
			.contains(name);
	}

	private static HttpResponse<String> transition(TestClient unit, String id, Map<String, String> fields) {
		return unit.postForm("/systems/" + id + "/status", fields);
	}

	private static Set<String> transitions(String page) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = TRANSITION.matcher(page);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
