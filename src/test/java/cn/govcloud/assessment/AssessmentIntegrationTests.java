package cn.govcloud.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supplier's draft assessment from the records (Art. 19): indicators of modules not
 * built show no data with their weight shared out, each contract's payment due is its
 * year's fees × the ratio, and a supplier reads only its own.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	UUID supplier;

	Accepted hosts;

	@BeforeAll
	void aFiledContract() {
		this.supplier = Scenarios.demoSupplier(this.jdbc);
		this.hosts = Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 1);
		HttpResponse<String> opened = TestClient.signedIn(this.port, "manager")
			.postJson("/api/v1/surveys", "{\"year\":2026,\"half\":2,\"title\":\"下半年满意度\",\"questions\":[\"是否满意？\"]}");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		TestClient.signedIn(this.port, "unitmember")
			.postJson("/api/v1/surveys/" + JsonPath.read(opened.body(), "$.id") + "/responses", "{\"answers\":[4]}");
	}

	@Test
	void theDraftShowsNoDataForModulesNotBuiltAndEachContractsDueIsItsFeesTimesTheRatio() {
		String draft = TestClient.signedIn(this.port, "reviewer")
			.getJson("/api/v1/assessment/2026/suppliers/" + this.supplier)
			.body();
		for (String missing : List.of("AVAILABILITY")) {
			List<Map<String, Object>> line = JsonPath.read(draft,
					"$.score.lines[?(@.indicator.code == '" + missing + "')]");
			assertThat(line).hasSize(1);
			assertThat(line.get(0).get("value")).as(missing).isNull();
			assertThat(((Number) line.get(0).get("effectiveWeight")).doubleValue()).as(missing).isZero();
		}
		List<Double> weights = JsonPath.read(draft, "$.score.lines[*].effectiveWeight");
		assertThat(weights.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(100.0,
				org.assertj.core.data.Offset.offset(1e-6));
		Integer ratio = JsonPath.read(draft, "$.ratioPercent");
		assertThat(ratio).isIn(80, 90, 95, 100);
		String number = this.jdbc.sql("SELECT number FROM contract WHERE id = '" + this.hosts.contractId() + "'")
			.query(String.class)
			.single();
		String contract = "$.contracts[?(@.number == '" + number + "')]";
		BigDecimal fees = new BigDecimal(JsonPath.<List<Object>>read(draft, contract + ".fees").get(0).toString());
		BigDecimal due = new BigDecimal(JsonPath.<List<Object>>read(draft, contract + ".due").get(0).toString());
		assertThat(due).isEqualByComparingTo(
				fees.multiply(BigDecimal.valueOf(ratio)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
	}

	@Test
	void aSupplierReadsOnlyItsOwnAssessmentAndUnitsAndFinanceNone() {
		HttpResponse<String> registered = TestClient.signedIn(this.port, "sysadmin")
			.postJson("/api/v1/organizations",
					"{\"kind\":\"SUPPLIER\",\"name\":\"另一运维公司 " + UUID.randomUUID().toString().substring(0, 6) + "\"}");
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		UUID other = UUID.fromString(JsonPath.read(registered.body(), "$.id"));
		TestClient operator = TestClient.signedIn(this.port, "operator");
		HttpResponse<String> own = operator.getJson("/api/v1/assessment/2026/suppliers/" + this.supplier);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		assertThat(operator.getJson("/api/v1/assessment/2026/suppliers/" + other).statusCode()).isEqualTo(404);
		assertThat(TestClient.signedIn(this.port, "reviewer")
			.getJson("/api/v1/assessment/2026/suppliers/" + other)
			.statusCode()).isEqualTo(200);
		for (String outsider : List.of("unitadmin", "finance", "auditadmin")) {
			assertThat(TestClient.signedIn(this.port, outsider)
				.getJson("/api/v1/assessment/2026/suppliers/" + this.supplier)
				.statusCode()).as(outsider).isEqualTo(403);
		}
	}

	@Test
	void theAssessmentReportPdfCarriesThePagesFiguresWithItsFontEmbedded() throws Exception {
		String draft = TestClient.signedIn(this.port, "reviewer")
			.getJson("/api/v1/assessment/2026/suppliers/" + this.supplier)
			.body();
		HttpResponse<byte[]> file = TestClient.signedIn(this.port, "reviewer")
			.getBytes("/api/v1/assessment/2026/suppliers/" + this.supplier + "/pdf");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/assessment-report.pdf"), file.body());
		String number = this.jdbc.sql("SELECT number FROM contract WHERE id = '" + this.hosts.contractId() + "'")
			.query(String.class)
			.single();
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(file.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
			assertThat(text).contains(JsonPath.<String>read(draft, "$.supplierName"), "运维服务商年度考核", number, "付款比例",
					JsonPath.read(draft, "$.ratioPercent") + " %", "无数据");
			Double total = JsonPath.read(draft, "$.score.total");
			assertThat(text).contains(String.format(java.util.Locale.ROOT, "%.2f", total));
			var fonts = new java.util.ArrayList<org.apache.pdfbox.pdmodel.font.PDFont>();
			for (var page : pdf.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					fonts.add(page.getResources().getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy((font) -> assertThat(font.isEmbedded()).isTrue());
		}
		// Another supplier's assessment is not the supplier's to read.
		UUID other = this.jdbc.sql("SELECT id FROM organization WHERE kind = 'SUPPLIER' AND id <> :s LIMIT 1")
			.param("s", this.supplier)
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (other != null) {
			assertThat(TestClient.signedIn(this.port, "suppliermgr")
				.getBytes("/api/v1/assessment/2026/suppliers/" + other + "/pdf")
				.statusCode()).isIn(403, 404);
		}
	}

}
