package cn.govcloud.catalogue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tender price lists (Art. 5): all-or-nothing import, caps by date, export escaping,
 * access.
 */
@GovCloudIntegrationTest
class PriceListIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TenderPrices prices;

	@Test
	void aFileFullOfBadRowsIsReportedRowByRowAndNothingIsImported() throws IOException {
		UUID supplier = newSupplier();
		long lists = count("price_list");
		long lines = count("price_line");
		byte[] file = workbook((sheet) -> {
			row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", "四十五", "2026-01-01", null); // text
																							// price
			row(sheet, 2, "CLOUD_HOST", "memoryGib", "GIB_MONTH", -3.0, "2026-01-01", null); // negative
			row(sheet, 3, "CLOUD_HOST", "systemDiskGib", "GIB_MONTH", 0.605, "2026-01-01", null); // 3
																									// decimals
			row(sheet, 4, "TIME_MACHINE", "vcpu", "VCPU_MONTH", 10.0, "2026-01-01", null); // unknown
																							// kind
			row(sheet, 5, "BANDWIDTH", "mbps", "MBPS_MONTH", 35.0, "2026-01-01", "2026-12-31");
			row(sheet, 6, "BANDWIDTH", "mbps", "MBPS_MONTH", 30.0, "2026-06-01", null); // overlaps
																						// row
																						// 6
			row(sheet, 7, "BACKUP", "capacityGib", "GIB_MONTH", 0.2, "2026-01-01", null);
			sheet.getRow(7).getCell(3).setCellFormula("0.1*2"); // a formula
			row(sheet, 8, "WAF", "instance", null, 900.0, "2026-01-01", null); // missing
																				// billing
																				// unit
		});
		HttpResponse<String> response = TestClient.signedIn(this.port, "manager")
			.postMultipartWithFields("/api/v1/price-lists/import",
					java.util.Map.of("supplierId", supplier.toString(), "tenderNumber",
							"BAD-" + supplier.toString().substring(0, 6), "awardedOn", "2025-12-01"),
					"file", "prices.xlsx", file);
		assertThat(response.statusCode()).isEqualTo(400);
		List<String> fields = JsonPath.read(response.body(), "$.errors[*].field");
		assertThat(fields).contains("rows[2].D", "rows[3].D", "rows[4].D", "rows[5].A", "rows[7].E", "rows[8].D",
				"rows[9].C");
		assertThat(response.body()).contains("四十五").contains("公式");
		assertThat(count("price_list")).isEqualTo(lists);
		assertThat(count("price_line")).isEqualTo(lines);
	}

	@Test
	void aGoodImportSetsTheCapsAndALaterListTakesOverOnItsStartDate() throws IOException {
		UUID supplier = newSupplier();
		TestClient manager = TestClient.signedIn(this.port, "manager");
		byte[] first = workbook(
				(sheet) -> row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 45.0, "2026-01-01", "2026-06-30"));
		assertThat(importList(manager, supplier, "H1", first).statusCode()).isEqualTo(201);
		byte[] second = workbook(
				(sheet) -> row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 40.0, "2026-07-01", null));
		assertThat(importList(manager, supplier, "H2", second).statusCode()).isEqualTo(201);
		assertThat(
				this.prices.capFor(supplier, "CLOUD_HOST", "vcpu", LocalDate.of(2026, 6, 30)).orElseThrow().unitPrice())
			.isEqualByComparingTo("45.00");
		assertThat(
				this.prices.capFor(supplier, "CLOUD_HOST", "vcpu", LocalDate.of(2026, 7, 1)).orElseThrow().unitPrice())
			.isEqualByComparingTo("40.00");
		byte[] overlapping = workbook(
				(sheet) -> row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 39.0, "2026-09-01", null));
		HttpResponse<String> refused = importList(manager, supplier, "H3", overlapping);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("rows[2].E").contains("H2-");
	}

	@Test
	void exportsEscapeFormulaLikeTextAndKeepPricesNumeric() throws IOException {
		UUID supplier = newSupplier();
		TestClient manager = TestClient.signedIn(this.port, "manager");
		HttpResponse<String> created = manager.postJson("/api/v1/price-lists", "{\"supplierId\":\"" + supplier
				+ "\",\"tenderNumber\":\"=HYPERLINK(\\\"http://x\\\")\",\"awardedOn\":\"2025-12-01\",\"note\":\"+cmd|' /C calc'!A0\","
				+ "\"lines\":[{\"kind\":\"BANDWIDTH\",\"dimension\":\"mbps\",\"billingUnit\":\"MBPS_MONTH\","
				+ "\"unitPrice\":35.5,\"effectiveFrom\":\"2026-01-01\"}]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		byte[] xlsx = manager.getBytes("/api/v1/price-lists/" + id + "/export.xlsx").body();
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row row = book.getSheetAt(0).getRow(1);
			assertThat(row.getCell(1).getStringCellValue()).startsWith("'=HYPERLINK");
			assertThat(row.getCell(3).getStringCellValue()).startsWith("'+cmd");
			assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(35.5);
			for (Row r : book.getSheetAt(0)) {
				r.forEach((cell) -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
			}
		}
	}

	@Test
	void badJsonLinesAreNamedAndNothingIsSaved() {
		UUID supplier = newSupplier();
		long lists = count("price_list");
		TestClient manager = TestClient.signedIn(this.port, "manager");
		for (String[] bad : new String[][] { { "\"unitPrice\":1.005", "lines[0].unitPrice" },
				{ "\"unitPrice\":-1", "lines[0].unitPrice" },
				{ "\"unitPrice\":1,\"effectiveTo\":\"2025-01-01\"", "lines[0].effectiveTo" } }) {
			HttpResponse<String> response = manager.postJson("/api/v1/price-lists", "{\"supplierId\":\"" + supplier
					+ "\",\"tenderNumber\":\"J-1\",\"awardedOn\":\"2025-12-01\",\"lines\":[{\"kind\":\"BANDWIDTH\","
					+ "\"dimension\":\"mbps\",\"billingUnit\":\"MBPS_MONTH\",\"effectiveFrom\":\"2026-01-01\"," + bad[0]
					+ "}]}");
			assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
			assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).as(bad[0]).isEqualTo(bad[1]);
		}
		assertThat(count("price_list")).isEqualTo(lists);
	}

	@Test
	void onlyTheCommissionManagerRecordsPrices() {
		String body = "{\"supplierId\":\"" + newSupplier() + "\",\"tenderNumber\":\"X\",\"awardedOn\":\"2025-12-01\","
				+ "\"lines\":[{\"kind\":\"BANDWIDTH\",\"dimension\":\"mbps\",\"billingUnit\":\"MBPS_MONTH\","
				+ "\"unitPrice\":30,\"effectiveFrom\":\"2026-01-01\"}]}";
		for (String user : List.of("reviewer", "unitadmin", "suppliermgr")) {
			assertThat(TestClient.signedIn(this.port, user).postJson("/api/v1/price-lists", body).statusCode()).as(user)
				.isEqualTo(403);
		}
		assertThat(TestClient.signedIn(this.port, "auditadmin").getJson("/api/v1/price-lists").statusCode())
			.isEqualTo(403);
		assertThat(TestClient.signedIn(this.port, "unitadmin").get("/prices").body()).contains("YXZFCG-2025-018");
	}

	private HttpResponse<String> importList(TestClient manager, UUID supplier, String tender, byte[] file) {
		return manager.postMultipartWithFields("/api/v1/price-lists/import",
				java.util.Map.of("supplierId", supplier.toString(), "tenderNumber",
						tender + "-" + supplier.toString().substring(0, 6), "awardedOn", "2025-12-01"),
				"file", "prices.xlsx", file);
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private UUID newSupplier() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO organization (id, kind, name, created_at) VALUES (:id, 'SUPPLIER', :name, now())")
			.param("id", id)
			.param("name", "价格测试供应商 " + id.toString().substring(0, 8))
			.update();
		return id;
	}

	private static void row(Sheet sheet, int index, String kind, String dimension, String unit, Object price,
			String from, String to) {
		Row row = sheet.createRow(index);
		row.createCell(0).setCellValue(kind);
		row.createCell(1).setCellValue(dimension);
		if (unit != null) {
			row.createCell(2).setCellValue(unit);
		}
		if (price instanceof Double number) {
			row.createCell(3).setCellValue(number);
		}
		else {
			row.createCell(3).setCellValue((String) price);
		}
		row.createCell(4).setCellValue(from);
		if (to != null) {
			row.createCell(5).setCellValue(to);
		}
	}

	private static byte[] workbook(java.util.function.Consumer<Sheet> rows) throws IOException {
		try (Workbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet("prices");
			sheet.createRow(0).createCell(0).setCellValue("header");
			rows.accept(sheet);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

}
