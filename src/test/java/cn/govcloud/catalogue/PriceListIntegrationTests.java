package cn.govcloud.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.govcloud.catalogue.PriceFixtures.json;
import static cn.govcloud.catalogue.PriceFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tender price lists through the JSON API and the pages (Art. 5): bad input named by
 * field, exports that cannot carry formulas, filters, the template, and who may do what.
 */
@GovCloudIntegrationTest
class PriceListIntegrationTests {

	private static final String BANDWIDTH = line("BANDWIDTH", "mbps", "MBPS_MONTH", "35.5", "2026-01-01", null);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ResourceKinds kinds;

	PriceFixtures fixtures;

	TestClient manager;

	@BeforeEach
	void manager() {
		this.fixtures = new PriceFixtures(this.jdbc);
		this.manager = TestClient.signedIn(this.port, "manager");
	}

	@Test
	void badJsonLinesAreNamedByFieldAndNothingIsSaved() {
		UUID supplier = this.fixtures.newSupplier();
		long lists = this.fixtures.count("price_list");
		long lines = this.fixtures.count("price_line");
		String good = line("WAF", "instance", "INSTANCE_MONTH", "1200", "2026-01-01", null);
		for (String[] bad : new String[][] {
				{ line("BANDWIDTH", "mbps", "MBPS_MONTH", "35.005", "2026-01-01", null), "lines[1].unitPrice" },
				{ line("BANDWIDTH", "mbps", "MBPS_MONTH", "-35", "2026-01-01", null), "lines[1].unitPrice" },
				{ line("BANDWIDTH", "mbps", "MBPS_MONTH", "35", "2026-07-01", "2026-06-30"), "lines[1].effectiveTo" },
				{ line("BANDWIDTH", "mbps", "PER_YEAR", "35", "2026-01-01", null), "lines[1].billingUnit" },
				{ line("BANDWIDTH", "mbps", "MBPS_MONTH", "\"lots\"", "2026-01-01", null), "lines[1].unitPrice" } }) {
			HttpResponse<String> response = this.manager.postJson("/api/v1/price-lists",
					json(supplier, "J-1", null, good + "," + bad[0]));
			assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
			assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).as(response.body())
				.isEqualTo(bad[1]);
			assertThat((String) JsonPath.read(response.body(), "$.detail")).startsWith(bad[1] + ": ");
		}
		HttpResponse<String> noHeader = this.manager.postJson("/api/v1/price-lists", "{\"lines\":[]}");
		assertThat((List<String>) JsonPath.read(noHeader.body(), "$.errors[*].field")).containsExactly("supplierId",
				"tenderNumber", "awardedOn", "lines");
		assertThat(this.fixtures.count("price_list")).isEqualTo(lists);
		assertThat(this.fixtures.count("price_line")).isEqualTo(lines);
	}

	@Test
	void aTenderNumberIsUniquePerSupplier() {
		UUID supplier = this.fixtures.newSupplier();
		assertThat(this.manager.postJson("/api/v1/price-lists", json(supplier, "T-1", null, BANDWIDTH)).statusCode())
			.isEqualTo(201);
		HttpResponse<String> again = this.manager.postJson("/api/v1/price-lists",
				json(supplier, "T-1", null, line("WAF", "instance", "INSTANCE_MONTH", "1", "2026-01-01", null)));
		assertThat((String) JsonPath.read(again.body(), "$.errors[0].field")).isEqualTo("tenderNumber");
		assertThat(
				this.manager.postJson("/api/v1/price-lists", json(this.fixtures.newSupplier(), "T-1", null, BANDWIDTH))
					.statusCode())
			.isEqualTo(201);
	}

	@Test
	void exportsEscapeFormulaLikeTextAndKeepPricesNumeric() throws IOException {
		UUID supplier = this.fixtures.newSupplier();
		HttpResponse<String> first = this.manager.postJson("/api/v1/price-lists",
				json(supplier, "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0",
						line("BANDWIDTH", "mbps", "MBPS_MONTH", "35.5", "2026-01-01", "2026-12-31")));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(this.manager
			.postJson("/api/v1/price-lists",
					json(supplier, "-2027", "@SUM(A1:A9)",
							line("BANDWIDTH", "mbps", "MBPS_MONTH", "36", "2027-01-01", null)))
			.statusCode()).isEqualTo(201);
		String id = JsonPath.read(first.body(), "$.id");
		try (Workbook book = workbook("/api/v1/price-lists/" + id + "/export.xlsx")) {
			Row row = book.getSheetAt(0).getRow(1);
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("'+cmd|' /C calc'!A0");
			assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(35.5);
			assertThat(row.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.00");
			assertThat(DateUtil.isCellDateFormatted(row.getCell(9))).isTrue();
			assertNoFormulas(book);
		}
		try (Workbook book = workbook("/api/v1/price-lists/export.xlsx?supplierId=" + supplier)) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("'-2027");
			assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("'@SUM(A1:A9)");
			assertThat(sheet.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(36.0);
			assertNoFormulas(book);
		}
	}

	@Test
	void theTemplateExplainsEveryKindsDimensionsAndTheBillingUnits() throws IOException {
		try (Workbook book = workbook("/api/v1/price-lists/template.xlsx")) {
			Row header = book.getSheetAt(0).getRow(0);
			assertThat(header.getCell(3).getStringCellValue()).contains("单价").contains("Unit price");
			assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
			assertThat(book.getSheetAt(0).getDataValidations()).hasSize(3);
			Set<String> help = texts(book.getSheetAt(1));
			assertThat(help).contains("CLOUD_HOST", "memoryGib", "GIB_MONTH", "VULNERABILITY_SCAN", "instance",
					"INSTANCE_MONTH", "元/vCPU·月", "CNY per Mbps-month");
		}
	}

	@Test
	void theDemoSupplierHasATenderPriceForEveryKindOfTheCatalogue() {
		HttpResponse<String> demo = TestClient.signedIn(this.port, "unitadmin")
			.getJson("/api/v1/price-lists?supplierId=" + this.fixtures.demoSupplier());
		String id = JsonPath.read(demo.body(), "$.items[0].id");
		String list = TestClient.signedIn(this.port, "unitadmin").getJson("/api/v1/price-lists/" + id).body();
		List<String> kinds = JsonPath.read(list, "$.lines[*].kind");
		assertThat((List<String>) JsonPath.read(list, "$.lines[?(@.kind == 'CLOUD_HOST')].dimension"))
			.containsExactly("vcpu", "memoryGib", "systemDiskGib");
		assertThat(kinds).containsAll(List.of("CLOUD_HOST", "CLOUD_DATABASE", "CLOUD_STORAGE", "WAF", "ANTI_DDOS",
				"HOST_IDS", "BASTION_HOST", "DATABASE_AUDIT", "VULNERABILITY_SCAN", "BANDWIDTH", "BACKUP"));
		HttpResponse<String> cap = TestClient.signedIn(this.port, "unitadmin")
			.getJson("/api/v1/price-caps?supplierId=" + this.fixtures.demoSupplier()
					+ "&kind=CLOUD_HOST&dimension=vcpu&on=2026-03-01");
		assertThat(cap.statusCode()).isEqualTo(200);
		assertThat((Double) JsonPath.read(cap.body(), "$.unitPrice")).isEqualTo(45.0);
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.getJson("/api/v1/price-caps?supplierId=" + this.fixtures.demoSupplier()
					+ "&kind=CLOUD_HOST&dimension=vcpu&on=2025-03-01")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void listsAreFilteredBySupplierKindAndDayAndPaged() {
		UUID supplier = this.fixtures.newSupplier();
		for (String[] list : new String[][] {
				{ "F-2026", line("BANDWIDTH", "mbps", "MBPS_MONTH", "35", "2026-01-01", "2026-12-31") },
				{ "F-2027", line("WAF", "instance", "INSTANCE_MONTH", "900", "2027-01-01", "2027-12-31") },
				{ "F-2028", line("BANDWIDTH", "mbps", "MBPS_MONTH", "30", "2028-01-01", null) } }) {
			assertThat(
					this.manager.postJson("/api/v1/price-lists", json(supplier, list[0], null, list[1])).statusCode())
				.isEqualTo(201);
		}
		String base = "/api/v1/price-lists?supplierId=" + supplier;
		assertThat(tenders(base)).containsExactly("F-2028", "F-2027", "F-2026");
		assertThat(tenders(base + "&kind=BANDWIDTH")).containsExactly("F-2028", "F-2026");
		assertThat(tenders(base + "&inForceOn=2027-06-01")).containsExactly("F-2027");
		assertThat(tenders(base + "&kind=BANDWIDTH&inForceOn=2030-01-01")).containsExactly("F-2028");
		assertThat(tenders(base + "&size=2&page=1")).containsExactly("F-2026");
		String page = TestClient.signedIn(this.port, "suppliermgr")
			.get("/prices?supplierId=" + supplier + "&kind=WAF")
			.body();
		assertThat(page).contains("F-2027").doesNotContain("F-2026").contains("price-export-supplier");
	}

	@Test
	void onlyTheCommissionManagerRecordsPricesAndTheAdministratorsDoNotRead() throws IOException {
		String body = json(this.fixtures.newSupplier(), "X", null, BANDWIDTH);
		byte[] file = PriceSheetTests.workbook(
				(sheet) -> PriceSheetTests.row(sheet, 1, "WAF", "instance", "INSTANCE_MONTH", 9.0, "2026-01-01", null));
		for (String user : List.of("reviewer", "unitadmin", "suppliermgr")) {
			TestClient client = TestClient.signedIn(this.port, user);
			assertThat(client.postJson("/api/v1/price-lists", body).statusCode()).as(user).isEqualTo(403);
			assertThat(PriceFixtures.importList(client, this.fixtures.newSupplier(), "X", null, file).statusCode())
				.as(user)
				.isEqualTo(403);
			assertThat(client.get("/prices/import").statusCode()).as(user).isEqualTo(403);
		}
		for (String administrator : List.of("auditadmin", "sysadmin")) {
			TestClient client = TestClient.signedIn(this.port, administrator);
			assertThat(client.getJson("/api/v1/price-lists").statusCode()).as(administrator).isEqualTo(403);
			assertThat(client.get("/prices").statusCode()).as(administrator).isEqualTo(403);
			assertThat(client.getBytes("/api/v1/price-lists/template.xlsx").statusCode()).as(administrator)
				.isEqualTo(403);
		}
		for (String reader : List.of("unitadmin", "operator", "finance", "reviewer")) {
			assertThat(TestClient.signedIn(this.port, reader).get("/prices").body()).as(reader)
				.contains("YXZFCG-2025-018");
		}
	}

	private List<String> tenders(String path) {
		return JsonPath.read(this.manager.getJson(path).body(), "$.items[*].tenderNumber");
	}

	private Workbook workbook(String path) throws IOException {
		HttpResponse<byte[]> response = this.manager.getBytes(path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(PriceImport.XLSX);
		return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
	}

	private static void assertNoFormulas(Workbook book) {
		for (Sheet sheet : book) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
				}
			}
		}
	}

	private static Set<String> texts(Sheet sheet) {
		Set<String> texts = new java.util.HashSet<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.STRING) {
					texts.add(cell.getStringCellValue());
				}
			}
		}
		return texts.stream().collect(Collectors.toSet());
	}

}
