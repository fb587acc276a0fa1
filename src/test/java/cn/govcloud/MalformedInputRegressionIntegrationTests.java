package cn.govcloud;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One focused test per class of malformed input found when GovCloud was tried as a
 * careless or hostile user would (issue 10); the sweep over every operation is
 * {@link MalformedInputIntegrationTests}.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputRegressionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Scenarios.Accepted accepted;

	@BeforeAll
	void aFiledContract() {
		this.accepted = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 1);
	}

	@Test
	void aKindWithAnUntypedOrScriptNamedFieldIsRefusedFieldByField() {
		HttpResponse<String> refused = TestClient.signedIn(this.port, "manager")
			.postJson("/api/v1/catalogue/kinds",
					"{\"code\":\"BAD_KIND\",\"category\":\"SECURITY_SERVICE\",\"nameZh\":\"坏\","
							+ "\"nameEn\":\"Bad\",\"billingUnit\":\"项·月\",\"fields\":[{\"name\":\"<script>\",\"labelZh\":\""
							+ "长".repeat(100_000) + "\",\"labelEn\":\"\",\"type\":null}]}");
		assertThat(refused.statusCode()).isEqualTo(400);
		List<String> fields = JsonPath.read(refused.body(), "$.errors[*].field");
		assertThat(fields).contains("fields[0].name", "fields[0].labelZh", "fields[0].labelEn", "fields[0].type");
		assertThat(refused.body().length()).isLessThan(4_000);
		assertThat(count("SELECT count(*) FROM resource_kind WHERE code = 'BAD_KIND'")).isZero();
	}

	@Test
	void aBadKindStoredBeforeTheRulesNeitherBreaksTheCatalogueNorSurvivesTheRepair() throws IOException {
		String code = "PLANTED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.jdbc
			.sql("INSERT INTO resource_kind (code, category, name_zh, name_en, billing_unit, sort_order, spec_fields)"
					+ " VALUES (:code, 'SECURITY_SERVICE', '坏行', 'Bad row', '项', 999, CAST(:fields AS jsonb))")
			.param("code", code)
			.param("fields",
					"[{\"name\":\"\",\"labelZh\":\"x\",\"labelEn\":\"x\",\"type\":null},"
							+ "{\"name\":\"level\",\"labelZh\":\"" + "级".repeat(500) + "\",\"labelEn\":\"Level\","
							+ "\"type\":\"CHOICE\",\"choices\":[\"a\"]}]")
			.update();
		try {
			HttpResponse<String> page = TestClient.signedIn(this.port, "manager").get("/catalogue");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains(code, "CLOUD_HOST");
			this.jdbc
				.sql(new ClassPathResource("db/migration/V70__catalogue_kind_repair.sql")
					.getContentAsString(StandardCharsets.UTF_8))
				.update();
			assertThat(count("SELECT count(*) FROM resource_kind WHERE code = '" + code + "' AND retired_at IS NOT NULL"
					+ " AND jsonb_array_length(spec_fields) = 1 AND length(spec_fields -> 0 ->> 'labelZh') = 60"))
				.isEqualTo(1);
			assertThat(count("SELECT count(*) FROM resource_kind WHERE code = 'CLOUD_HOST' AND retired_at IS NULL"))
				.isEqualTo(1);
		}
		finally {
			this.jdbc.sql("DELETE FROM resource_kind WHERE code = :code").param("code", code).update();
		}
	}

	@Test
	void aNumberWithAHugeExponentIsRefusedInAFewBytesNotEchoed() {
		String payments = "/api/v1/contracts/" + this.accepted.contractId() + "/payments";
		for (String amount : List.of("1E+1000000", "1E-1000000", "1234567890123.5")) {
			HttpResponse<String> refused = this.accepted.unit()
				.postJson(payments, "{\"amount\":" + amount + ",\"paidOn\":\"2026-11-01\"}");
			assertThat(refused.statusCode()).as(amount).isEqualTo(400);
			assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("amount");
			assertThat(refused.body().length()).as(amount).isLessThan(1_000);
		}
		HttpResponse<String> page = this.accepted.unit()
			.postForm("/contracts/" + this.accepted.contractId() + "/payments",
					java.util.Map.of("amount", "1E+1000000", "paidOn", "2026-11-01"));
		assertThat(page.statusCode()).isLessThan(500);
		assertThat(page.body().length()).isLessThan(200_000);
		assertThat(page.body()).doesNotContain("0000000000000000000000");
	}

	@Test
	void datesAreIsoTextWithinTheYearsAContractCanHave() {
		String payments = "/api/v1/contracts/" + this.accepted.contractId() + "/payments";
		for (String paidOn : List.of("-1", "2147483648", "\"+999999999-12-31\"", "\"1899-12-31\"")) {
			HttpResponse<String> refused = this.accepted.unit()
				.postJson(payments, "{\"amount\":1,\"paidOn\":" + paidOn + "}");
			assertThat(refused.statusCode()).as(paidOn).isEqualTo(400);
			assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("paidOn");
		}
		HttpResponse<String> caps = this.accepted.unit()
			.getJson("/api/v1/price-caps?supplierId=" + Scenarios.demoSupplier(this.jdbc)
					+ "&kind=CLOUD_HOST&dimension=vcpu&on=%2B999999999-12-31");
		assertThat(caps.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(caps.body(), "$.errors[0].field")).isEqualTo("on");
	}

	@Test
	void omittingTheOverpaymentConfirmationMeansNotConfirmed() {
		HttpResponse<String> refused = this.accepted.unit()
			.postJson("/api/v1/contracts/" + this.accepted.contractId() + "/payments",
					"{\"amount\":99999999,\"paidOn\":\"2026-11-01\",\"periodFrom\":\"2026-03-01\","
							+ "\"periodTo\":\"2026-11-30\",\"invoiceNumber\":\"FP-1\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("amount");
		assertThat(refused.body()).doesNotContain("类型或格式");
	}

	@Test
	void aContractCodeTheUnitHasUsedIsAFieldErrorNotAFailure() {
		String code = "DUP-" + UUID.randomUUID().toString().substring(0, 8);
		Scenarios.Approved first = Scenarios.approvedHosts(this.port, "unitadmin", 1, 8, false);
		Scenarios.Approved second = Scenarios.approvedHosts(this.port, "unitadmin", 1, 8, false);
		assertThat(draft(first, code).statusCode()).isEqualTo(201);
		HttpResponse<String> again = draft(second, code);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(again.body(), "$.errors[0].field")).isEqualTo("contractCode");
		assertThat(count("SELECT count(*) FROM contract WHERE contract_code = '" + code + "'")).isEqualTo(1);
	}

	@Test
	void samplesAreReadOnlyAfterTheCredentialIsChecked() {
		HttpResponse<String> anonymous = TestClient.anonymous(this.port)
			.send("POST", "/api/v1/metering/samples", "application/json", "{".getBytes(StandardCharsets.UTF_8));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		HttpResponse<String> csv = TestClient.anonymous(this.port)
			.send("POST", "/api/v1/metering/samples.csv", "text/csv", new byte[17 * 1024 * 1024]);
		assertThat(csv.statusCode()).isEqualTo(401);
	}

	@Test
	void anUploadIsNeitherReadForAnAnonymousCallerNorWithoutItsBoundary() {
		String plans = "/api/v1/systems/" + this.accepted.systemId() + "/plans";
		HttpResponse<String> anonymous = TestClient.anonymous(this.port)
			.send("POST", plans, "multipart/form-data; boundary=" + Uploads.BOUNDARY,
					Uploads.multipart("file", "plan.pdf", Scenarios.PDF));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		HttpResponse<String> noBoundary = this.accepted.unit()
			.send("POST", plans, "multipart/form-data", "--x\r\n".getBytes(StandardCharsets.UTF_8));
		assertThat(noBoundary.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(noBoundary.body(), "$.errors[0].field")).isEqualTo("Content-Type");
		HttpResponse<String> longName = this.accepted.unit()
			.postMultipart(plans, "file", "x".repeat(5000) + ".pdf", Scenarios.PDF);
		assertThat(longName.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(longName.body(), "$.errors[0].field")).isEqualTo("file");
	}

	@Test
	void anOfficeDocumentThatInflatesTo300MegabytesIsNotAConstructionPlan() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 300; i++) {
				zip.write(zeros);
			}
		}
		assertThat(bytes.size()).isLessThan(2 * 1024 * 1024);
		int versions = count(
				"SELECT count(*) FROM system_document WHERE system_id = '" + this.accepted.systemId() + "'");
		HttpResponse<String> refused = this.accepted.unit()
			.postMultipart("/api/v1/systems/" + this.accepted.systemId() + "/plans", "file", "plan.xlsx",
					bytes.toByteArray());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("256 MB");
		assertThat(count("SELECT count(*) FROM system_document WHERE system_id = '" + this.accepted.systemId() + "'"))
			.isEqualTo(versions);
	}

	@Test
	void pagingPastTheEndReadsAnEmptyPage() {
		TestClient unit = this.accepted.unit();
		HttpResponse<String> api = unit.getJson("/api/v1/systems?page=2147483647&size=2147483647");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat((List<?>) JsonPath.read(api.body(), "$.items")).isEmpty();
		assertThat(unit.get("/systems?page=2147483647").statusCode()).isEqualTo(200);
		assertThat(unit.get("/contracts?page=2147483647").statusCode()).isEqualTo(200);
	}

	@Test
	void aNulInAnyTextIsNamedAndPagesShowTheErrorPage() {
		TestClient unit = this.accepted.unit();
		HttpResponse<String> body = unit.postJson("/api/v1/systems",
				"{\"name\":\"a\\u0000b\",\"purpose\":\"测试\",\"protectionLevel\":2}");
		assertThat(body.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(body.body(), "$.errors[0].field")).isEqualTo("name");
		HttpResponse<String> query = unit.getJson("/api/v1/systems?q=a%00b");
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(query.body(), "$.errors[0].field")).isEqualTo("q");
		HttpResponse<String> page = unit.get("/systems?q=%00", "text/html");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("<html").doesNotContain("Exception");
		HttpResponse<String> form = unit.postForm("/systems", java.util.Map.of("name", "a\u0000", "purpose", "x"));
		assertThat(form.statusCode()).isEqualTo(400);
	}

	@Test
	void whatTheServletContainerRefusesIsStillAProblemInTheCallersLanguage() {
		TestClient unit = this.accepted.unit();
		HttpResponse<String> longQuery = unit.getJson("/api/v1/systems?q=" + "x".repeat(20_000));
		assertThat(longQuery.statusCode()).isEqualTo(400);
		assertThat(longQuery.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
		HttpResponse<String> nulPath = unit.get("/systems/%00", "text/html");
		assertThat(nulPath.statusCode()).isEqualTo(400);
		assertThat(nulPath.body()).contains("请求无法解析").doesNotContain("Tomcat");
		HttpResponse<String> utf8 = unit.send("POST", "/api/v1/systems", "application/json",
				new byte[] { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}' });
		assertThat(utf8.statusCode()).isEqualTo(400);
	}

	@Test
	void theApiDocumentNamesTheApplicationsAndTheContractsLinesApart() {
		String document = TestClient.signedIn(this.port, "manager").getJson("/v3/api-docs").body();
		assertThat(
				(String) JsonPath.read(document, "$.components.schemas.ApplicationDraft.properties.lines.items.$ref"))
			.endsWith("/ApplicationLineDraft");
		assertThat((String) JsonPath.read(document, "$.components.schemas.ContractDraft.properties.lines.items.$ref"))
			.endsWith("/ContractLineDraft");
		assertThat((java.util.Map<String, Object>) JsonPath.read(document,
				"$.components.schemas.ApplicationDecisionForm.properties"))
			.containsKey("cuts");
		assertThat((java.util.Map<String, Object>) JsonPath.read(document,
				"$.components.schemas.ApplicationLineDraft.properties"))
			.containsKeys("kind", "spec", "quantity");
	}

	private HttpResponse<String> draft(Scenarios.Approved approved, String code) {
		return approved.unit()
			.postJson("/api/v1/contracts",
					"{\"applicationId\":\"" + approved.id() + "\",\"supplierId\":\"" + Scenarios.demoSupplier(this.jdbc)
							+ "\",\"contractCode\":\"" + code
							+ "\",\"termStart\":\"2026-03-01\",\"termEnd\":\"2027-02-28\",\"lines\":[]}");
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

}
