package cn.govcloud.catalogue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.govcloud.catalogue.PriceSheetTests.row;
import static cn.govcloud.catalogue.PriceSheetTests.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Excel imports of tender price lists (Art. 5): all or nothing with every bad cell named,
 * and the caps they set, by date and across a superseding list.
 */
@GovCloudIntegrationTest
class PriceImportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TenderPrices prices;

	@Autowired
	PriceLists lists;

	PriceFixtures fixtures;

	TestClient manager;

	@BeforeEach
	void manager() {
		this.fixtures = new PriceFixtures(this.jdbc);
		this.manager = TestClient.signedIn(this.port, "manager").header("Accept-Language", "en");
	}

	@Test
	void aFileFullOfBadRowsIsReportedCellByCellAndNothingIsImported() throws IOException {
		UUID supplier = this.fixtures.newSupplier();
		assertThat(PriceFixtures.importList(this.manager, supplier, "ZB-2025-01", null,
				workbook((sheet) -> row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 45.0, "2026-01-01", null))))
			.extracting(HttpResponse::statusCode)
			.isEqualTo(201);
		long lists = this.fixtures.count("price_list");
		long lines = this.fixtures.count("price_line");
		byte[] file = workbook((sheet) -> {
			row(sheet, 1, "CLOUD_HOST", "memoryGib", "GIB_MONTH", "四十五", "2026-01-01", null);
			row(sheet, 2, "CLOUD_HOST", "systemDiskGib", "GIB_MONTH", -3.0, "2026-01-01", null);
			row(sheet, 3, "CLOUD_DATABASE", "storageGib", "GIB_MONTH", 0.605, "2026-01-01", null);
			row(sheet, 4, "TIME_MACHINE", "vcpu", "VCPU_MONTH", 10.0, "2026-01-01", null);
			row(sheet, 5, "BANDWIDTH", "mbps", "MBPS_MONTH", 35.0, "2026-01-01", "2026-12-31");
			row(sheet, 6, "BANDWIDTH", "mbps", "MBPS_MONTH", 30.0, "2026-06-01", null);
			row(sheet, 7, "BACKUP", "capacityGib", "GIB_MONTH", 0.2, "2026-01-01", null).getCell(3)
				.setCellFormula("0.1*2");
			row(sheet, 8, "WAF", "instance", null, 900.0, "2026-01-01", null);
			row(sheet, 9, "HOST_IDS", "instance", "INSTANCE_MONTH", 30.0, "2026-07-01", "2026-06-30");
			row(sheet, 10, "DATABASE_AUDIT", "instance", "PER_YEAR", 900.0, "2026-01-01", null);
			row(sheet, 11, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 40.0, "2026-06-01", null);
			row(sheet, 12, "CLOUD_STORAGE", "capacityGib", "GIB_MONTH", 0.15, "2026-01-01", null);
		});
		HttpResponse<String> response = PriceFixtures.importList(this.manager, supplier, "ZB-2025-02", null, file);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(cell(response, "rows[2].D")).containsEntry("row", 2).containsEntry("column", "D");
		assertThat(message(response, "rows[2].D")).contains("not the text \"四十五\"");
		assertThat(message(response, "rows[3].D")).contains("above 0");
		assertThat(message(response, "rows[4].D")).contains("two decimals").contains("0.605");
		assertThat(message(response, "rows[5].A")).contains("TIME_MACHINE");
		assertThat(message(response, "rows[7].E")).contains("row 6").contains("2026-06-01 to 2026-12-31");
		assertThat(message(response, "rows[8].D")).contains("formula").contains("=0.1*2");
		assertThat(message(response, "rows[9].C")).isEqualTo("Required.");
		assertThat(message(response, "rows[10].F")).contains("before the start");
		assertThat(message(response, "rows[11].C")).contains("PER_YEAR");
		assertThat(message(response, "rows[12].E")).contains("ZB-2025-01").contains("2026-06-01 to open-ended");
		List<String> fields = JsonPath.read(response.body(), "$.errors[*].field");
		assertThat(fields).hasSize(10).doesNotContain("rows[13].A", "rows[13].D");
		assertThat(this.fixtures.count("price_list")).isEqualTo(lists);
		assertThat(this.fixtures.count("price_line")).isEqualTo(lines);
	}

	@Test
	void aGoodImportSetsTheCapOnlyInsideItsPeriod() throws IOException {
		UUID supplier = this.fixtures.newSupplier();
		HttpResponse<String> imported = PriceFixtures.importList(this.manager, supplier, "ZB-2026-01", null,
				workbook((sheet) -> {
					row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 45.0, "2026-01-01", "2026-12-31");
					row(sheet, 2, "CLOUD_HOST", "memoryGib", "GIB_MONTH", 18.0, "2026-01-01", "2026-12-31");
				}));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
		assertThat((List<?>) JsonPath.read(imported.body(), "$.lines")).hasSize(2);
		assertThat(cap(supplier, "2025-12-31")).isNull();
		assertThat(cap(supplier, "2026-01-01").unitPrice()).isEqualByComparingTo("45.00");
		assertThat(cap(supplier, "2026-12-31").tenderNumber()).isEqualTo("ZB-2026-01");
		assertThat(cap(supplier, "2027-01-01")).isNull();
		assertThat(this.prices.capsFor(supplier, "CLOUD_HOST", LocalDate.of(2026, 5, 1)))
			.extracting(PriceCap::dimension)
			.containsExactlyInAnyOrder("vcpu", "memoryGib");
	}

	@Test
	void aSupersedingListTakesOverOnItsStartDateAndTheEarlierOneIsKept() throws IOException {
		UUID supplier = this.fixtures.newSupplier();
		HttpResponse<String> first = PriceFixtures.importList(this.manager, supplier, "ZB-2025-09", null,
				workbook((sheet) -> {
					row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 45.0, "2026-01-01", null);
					row(sheet, 2, "CLOUD_HOST", "memoryGib", "GIB_MONTH", 18.0, "2026-01-01", null);
				}));
		UUID earlier = UUID.fromString(JsonPath.read(first.body(), "$.id"));
		byte[] midYear = workbook(
				(sheet) -> row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 40.0, "2026-07-01", null));

		HttpResponse<String> overlapping = PriceFixtures.importList(this.manager, supplier, "ZB-2026-05", null,
				midYear);
		assertThat(overlapping.statusCode()).isEqualTo(400);
		assertThat(message(overlapping, "rows[2].E")).contains("ZB-2025-09").contains("2026-07-01 to open-ended");

		HttpResponse<String> halfBad = PriceFixtures.importList(this.manager, supplier, "ZB-2026-05", earlier,
				workbook((sheet) -> {
					row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 40.0, "2026-07-01", null);
					row(sheet, 2, "CLOUD_HOST", "memoryGib", "GIB_MONTH", 16.001, "2026-07-01", null);
				}));
		assertThat(halfBad.statusCode()).isEqualTo(400);
		assertThat(this.lists.find(earlier).lines()).allSatisfy((line) -> assertThat(line.effectiveTo()).isNull());

		HttpResponse<String> superseding = PriceFixtures.importList(this.manager, supplier, "ZB-2026-05", earlier,
				midYear);
		assertThat(superseding.statusCode()).as(superseding.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(superseding.body(), "$.supersedes.tenderNumber")).isEqualTo("ZB-2025-09");
		assertThat(cap(supplier, "2026-06-30").unitPrice()).isEqualByComparingTo("45.00");
		assertThat(cap(supplier, "2026-06-30").tenderNumber()).isEqualTo("ZB-2025-09");
		assertThat(cap(supplier, "2026-07-01").unitPrice()).isEqualByComparingTo("40.00");
		assertThat(cap(supplier, "2026-07-01").tenderNumber()).isEqualTo("ZB-2026-05");
		assertThat(this.prices.capFor(supplier, "CLOUD_HOST", "memoryGib", LocalDate.of(2027, 1, 1)))
			.hasValueSatisfying((memory) -> assertThat(memory.tenderNumber()).isEqualTo("ZB-2025-09"));

		PriceList kept = this.lists.find(earlier);
		assertThat(kept.supersededBy()).extracting(PriceList.Ref::tenderNumber).containsExactly("ZB-2026-05");
		PriceLine vcpu = kept.lines().stream().filter((l) -> l.dimension().equals("vcpu")).findFirst().orElseThrow();
		assertThat(vcpu.effectiveTo()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(vcpu.awardedTo()).isNull();
		assertThat(vcpu.supersededBy().tenderNumber()).isEqualTo("ZB-2026-05");
		assertThat(TestClient.signedIn(this.port, "unitadmin").get("/prices/" + earlier + "?lang=en").body())
			.contains("awarded until open-ended; superseded by ZB-2026-05");
	}

	@Test
	void theDatabaseItselfRefusesAnOverlappingPrice() throws IOException {
		UUID supplier = this.fixtures.newSupplier();
		HttpResponse<String> imported = PriceFixtures.importList(this.manager, supplier, "ZB-DB-1", null, workbook(
				(sheet) -> row(sheet, 1, "BANDWIDTH", "mbps", "MBPS_MONTH", 35.0, "2026-01-01", "2026-06-30")));
		UUID list = UUID.fromString(JsonPath.read(imported.body(), "$.id"));
		String insert = """
				INSERT INTO price_line (id, price_list_id, supplier_id, kind_code, dimension, billing_unit, unit_price,
				                        effective_from, effective_to)
				VALUES (gen_random_uuid(), :list, :supplier, 'BANDWIDTH', 'mbps', 'MBPS_MONTH', 30, CAST(:from AS date), NULL)
				""";
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.sql(insert)
			.param("list", list)
			.param("supplier", supplier)
			.param("from", "2026-06-30")
			.update());
		assertThat(this.jdbc.sql(insert)
			.param("list", list)
			.param("supplier", supplier)
			.param("from", "2026-07-01")
			.update()).isEqualTo(1);
	}

	@Test
	void aListMaySupersedeOnlyOneOfItsOwnSupplier() throws IOException {
		UUID supplier = this.fixtures.newSupplier();
		UUID demoList = this.jdbc.sql("SELECT id FROM price_list WHERE tender_number = 'YXZFCG-2025-018'")
			.query(UUID.class)
			.single();
		HttpResponse<String> refused = PriceFixtures.importList(this.manager, supplier, "ZB-X", demoList,
				workbook((sheet) -> row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 40.0, "2026-07-01", null)));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(message(refused, "supersedes")).contains("YXZFCG-2025-018").contains("another supplier");
	}

	@Test
	void aFileThatIsNoWorkbookOrAnEmptyTemplateIsRefusedWithAClearMessage() throws IOException {
		UUID supplier = this.fixtures.newSupplier();
		HttpResponse<String> text = PriceFixtures.importList(this.manager, supplier, "ZB-T", null,
				"kind,price\nCLOUD_HOST,45".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat(message(text, "file")).contains("not a valid Excel (xlsx)");
		byte[] template = this.manager.getBytes("/api/v1/price-lists/template.xlsx").body();
		HttpResponse<String> empty = PriceFixtures.importList(this.manager, supplier, "ZB-T", null, template);
		assertThat(message(empty, "file")).contains("at least one price");
	}

	@Test
	void theImportPageListsEveryBadCellWithRowColumnAndReason() throws IOException {
		UUID supplier = this.fixtures.newSupplier();
		TestClient page = TestClient.signedIn(this.port, "manager");
		assertThat(page.get("/prices/import").body()).contains("import-form");
		HttpResponse<String> refused = page.postMultipartWithFields("/prices/import",
				Map.of("supplierId", supplier.toString(), "tenderNumber", "ZB-PAGE-1", "awardedOn", "2025-12-01"),
				"file", "prices.xlsx",
				workbook((sheet) -> row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", "abc", "2026-01-01", null)));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"import-problems\"")
			.contains("data-field=\"rows[2].D\"")
			.contains("单价应为数字，而不是文字“abc”")
			.contains("value=\"ZB-PAGE-1\"");
		HttpResponse<String> imported = page.postMultipartWithFields("/prices/import",
				Map.of("supplierId", supplier.toString(), "tenderNumber", "ZB-PAGE-1", "awardedOn", "2025-12-01"),
				"file", "prices.xlsx",
				workbook((sheet) -> row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 45.0, "2026-01-01", null)));
		assertThat(imported.statusCode()).isEqualTo(302);
		java.net.URI location = java.net.URI.create(imported.headers().firstValue("Location").orElseThrow());
		assertThat(page.get(location.getRawPath() + "?" + location.getRawQuery()).body()).contains("已导入 1 条价格");
	}

	private PriceCap cap(UUID supplier, String day) {
		return this.prices.capFor(supplier, "CLOUD_HOST", "vcpu", LocalDate.parse(day)).orElse(null);
	}

	private static Map<String, Object> cell(HttpResponse<String> response, String field) {
		List<Map<String, Object>> matches = JsonPath.read(response.body(), "$.errors[?(@.field == '" + field + "')]");
		assertThat(matches).as(field + " in " + response.body()).hasSize(1);
		return matches.get(0);
	}

	private static String message(HttpResponse<String> response, String field) {
		return (String) cell(response, field).get("message");
	}

}
