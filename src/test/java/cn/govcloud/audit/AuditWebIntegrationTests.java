package cn.govcloud.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit pages and API, as the audit administrator and as everyone else sees them. */
@GovCloudIntegrationTest
class AuditWebIntegrationTests {

	private static final JsonMapper json = JsonMapper.shared();

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail trail;

	@Test
	void nobodyButTheAuditAdministratorReadsTheTrail() {
		for (String username : new String[] { "unitadmin", "sysadmin", "secadmin" }) {
			TestClient client = TestClient.signedIn(this.port, username);
			assertThat(client.getJson("/api/v1/audit/events").statusCode()).as(username + " events").isEqualTo(403);
			assertThat(client.getJson("/api/v1/audit/verification").statusCode()).as(username + " verification")
				.isEqualTo(403);
			assertThat(client.getBytes("/api/v1/audit/export").statusCode()).as(username + " export").isEqualTo(403);
			assertThat(client.get("/audit").statusCode()).as(username + " page").isEqualTo(403);
			assertThat(client.get("/audit/verification").statusCode()).as(username + " page").isEqualTo(403);
			assertThat(client.getBytes("/audit/export").statusCode()).as(username + " page export").isEqualTo(403);
		}
		assertThat(TestClient.anonymous(this.port).getJson("/api/v1/audit/events").statusCode()).isEqualTo(401);
		TestClient auditor = TestClient.signedIn(this.port, "auditadmin");
		assertThat(auditor.getJson("/api/v1/audit/events").statusCode()).isEqualTo(200);
		assertThat(auditor.get("/audit").statusCode()).isEqualTo(200);
	}

	@Test
	void theAuditAdministratorSeesALoginWithItsClientAddress() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		TestClient.signedIn(this.port, "officer");
		TestClient auditor = TestClient.signedIn(this.port, "auditadmin");
		HttpResponse<String> response = auditor
			.getJson("/api/v1/audit/events?actor=officer&action=login&outcome=SUCCESS&size=1");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode page = json.readTree(response.body());
		assertThat(page.get("total").asLong()).isPositive();
		JsonNode login = page.get("items").get(0);
		assertThat(login.get("actor").asString()).isEqualTo("officer");
		assertThat(login.get("action").asString()).isEqualTo("login");
		assertThat(login.get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(login.get("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(Instant.parse(login.get("occurredAt").asString())).isAfterOrEqualTo(before);

		String html = auditor.get("/audit?actor=officer&action=login").body();
		assertThat(html).contains("id=\"audit-events\"").contains(login.get("clientAddress").asString());
		assertThat(html).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\+08:00");
	}

	@Test
	void badFiltersAreNamed() {
		TestClient auditor = TestClient.signedIn(this.port, "auditadmin");
		assertNamed(auditor.getJson("/api/v1/audit/events?from=2026-13-01"), "from");
		assertNamed(auditor.getJson("/api/v1/audit/events?from=2026-05-02&to=2026-05-01"), "to");
		assertNamed(auditor.getJson("/api/v1/audit/events?outcome=MAYBE"), "outcome");
		assertNamed(auditor.getJson("/api/v1/audit/export?to=yesterday"), "to");

		HttpResponse<String> page = auditor.get("/audit?lang=en&from=2026-05-02&to=2026-05-01");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"to-error\"")
			.contains("The end date must not be before the start date.")
			.doesNotContain("id=\"audit-events\"");
		assertThat(auditor.get("/audit?lang=zh-CN&from=bad").body()).contains("id=\"from-error\"")
			.contains("日期“bad”无效");
	}

	@Test
	void theExportOpensAndEscapesFormulae() throws IOException {
		String action = "test.export." + UUID.randomUUID();
		this.trail.recordAs("tester", "测试单位", action, "=HYPERLINK(\"x\")", AuditOutcome.SUCCESS, "plain");
		this.trail.recordAs("tester", "@单位", action, "user:1", AuditOutcome.DENIED, "-1+cmd|' /C calc'!A0");
		TestClient auditor = TestClient.signedIn(this.port, "auditadmin");

		HttpResponse<byte[]> response = auditor.getBytes("/api/v1/audit/export?lang=en&action=" + action);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml"));
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("attachment").contains(".xlsx"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(text(sheet.getRow(0), 5)).isEqualTo("Target");
			Row newest = sheet.getRow(1);
			assertThat(text(newest, 3)).isEqualTo("'@单位");
			assertThat(text(newest, 6)).isEqualTo("Denied");
			assertThat(text(newest, 8)).isEqualTo("'-1+cmd|' /C calc'!A0");
			Row older = sheet.getRow(2);
			assertThat(text(older, 4)).isEqualTo(action);
			assertThat(text(older, 5)).isEqualTo("'=HYPERLINK(\"x\")");
			assertThat(text(older, 8)).isEqualTo("plain");
			for (Row row : sheet) {
				row.forEach((cell) -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
			}
		}

		JsonNode recorded = json
			.readTree(auditor.getJson("/api/v1/audit/events?actor=auditadmin&action=audit.export&size=1").body())
			.get("items")
			.get(0);
		assertThat(recorded.get("detail").asString()).isEqualTo("action=" + action + ", rows=2");
	}

	@Test
	void thePageExportWorksWithTheFiltersShown() throws IOException {
		TestClient auditor = TestClient.signedIn(this.port, "auditadmin");
		String html = auditor.get("/audit?action=login&outcome=SUCCESS").body();
		assertThat(html).contains("href=\"/audit/export?action=login&amp;outcome=SUCCESS\"");
		HttpResponse<byte[]> response = auditor.getBytes("/audit/export?action=login&outcome=SUCCESS");
		assertThat(response.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isPositive();
			assertThat(text(sheet.getRow(0), 4)).isEqualTo("操作");
			assertThat(text(sheet.getRow(1), 4)).isEqualTo("login");
			assertThat(text(sheet.getRow(1), 6)).isEqualTo("成功");
		}
	}

	@Test
	void verificationRunsFromThePageAndTheApiAndIsRecorded() {
		TestClient auditor = TestClient.signedIn(this.port, "auditadmin");
		HttpResponse<String> api = auditor.getJson("/api/v1/audit/verification");
		assertThat(api.statusCode()).isEqualTo(200);
		JsonNode result = json.readTree(api.body());
		assertThat(result.get("intact").asBoolean()).isTrue();
		assertThat(result.get("checked").asLong()).isPositive();
		assertThat(result.has("firstBadSeq")).isFalse();

		assertThat(auditor.get("/audit/verification?lang=en").body()).contains("id=\"verify\"")
			.doesNotContain("verification-intact");
		HttpResponse<String> page = auditor.postForm("/audit/verification", Map.of());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"verification-intact\"").contains("The audit chain is intact");

		JsonNode recorded = json
			.readTree(auditor.getJson("/api/v1/audit/events?actor=auditadmin&action=audit.verify&size=2").body());
		assertThat(recorded.get("items")).hasSize(2);
		assertThat(recorded.get("items").get(0).get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(recorded.get("items").get(0).get("detail").asString()).startsWith("intact, checked=");
	}

	private static void assertNamed(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank().doesNotStartWith("audit.");
	}

	private static String text(Row row, int column) {
		return row.getCell(column).getStringCellValue();
	}

}
