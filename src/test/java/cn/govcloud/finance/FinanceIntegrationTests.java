package cn.govcloud.finance;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finance bureau's budget basis through its page, API and workbook (Art. 18): a
 * contract's year and next year prorated by days, payments, holdings; the finance viewer
 * reads aggregates and contract totals only, never an address, a host, a document or a
 * technical detail, and is refused the routes that show them.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceIntegrationTests {

	/** An IPv4 address anywhere in a text. */
	private static final Pattern ADDRESS = Pattern.compile("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Accepted hosts;

	String contractNumber;

	String unitName;

	List<String> technical;

	@BeforeAll
	void aFiledContractOfTwoHostsWithAPayment() {
		this.hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 2);
		HttpResponse<String> paid = this.hosts.unit()
			.postJson("/api/v1/contracts/" + this.hosts.contractId() + "/payments",
					"{\"amount\":100.00,\"paidOn\":\"2026-03-10\",\"periodFrom\":\"2026-03-01\","
							+ "\"periodTo\":\"2026-03-31\",\"invoiceNumber\":\"FP-FIN-1\",\"confirmOverpayment\":false}");
		assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
		this.contractNumber = one("SELECT number FROM contract WHERE id = '" + this.hosts.contractId() + "'");
		this.unitName = one("SELECT o.name FROM contract c JOIN organization o ON o.id = c.unit_id WHERE c.id = '"
				+ this.hosts.contractId() + "'");
		String ids = "('" + String.join("','", this.hosts.instanceIds()) + "')";
		this.technical = this.jdbc
			.sql("SELECT host(address) FROM instance_address WHERE instance_id IN " + ids
					+ " UNION ALL SELECT name FROM instance WHERE id IN " + ids
					+ " UNION ALL SELECT cloud_instance_id FROM instance WHERE id IN " + ids
					+ " UNION ALL SELECT contract_code FROM contract WHERE id = '" + this.hosts.contractId() + "'")
			.query(String.class)
			.list();
	}

	@Test
	void aContractsYearAndNextYearAreProratedByDaysAndItsPaymentCountsForTheYear() {
		// The contract runs 2026-03-01 to 2027-02-28 in whole months: ten in 2026, two in
		// 2027.
		String monthly = JsonPath
			.read(TestClient.signedIn(this.port, "reviewer")
				.getJson("/api/v1/contracts/" + this.hosts.contractId())
				.body(), "$.totals.monthly")
			.toString();
		BigDecimal month = new BigDecimal(monthly);
		String budget = TestClient.signedIn(this.port, "finance").getJson("/api/v1/finance/budget?year=2026").body();
		String contract = "$.units[?(@.unitName == '" + this.unitName + "')].contracts[?(@.number == '"
				+ this.contractNumber + "')]";
		assertThat(number(budget, contract + ".fees")).isEqualByComparingTo(month.multiply(BigDecimal.TEN));
		assertThat(number(budget, contract + ".committedNextYear")).isEqualByComparingTo(month.add(month));
		assertThat(number(budget, contract + ".paid")).isEqualByComparingTo("100.00");
		assertThat(number(budget, contract + ".outstanding"))
			.isEqualByComparingTo(month.multiply(BigDecimal.TEN).subtract(new BigDecimal("100.00")));
		List<Integer> provisioned = JsonPath.read(budget,
				"$.units[?(@.unitName == '" + this.unitName + "')].holdings[?(@.kind == 'CLOUD_HOST')].provisioned");
		assertThat(provisioned.get(0)).isGreaterThanOrEqualTo(2);
		String next = TestClient.signedIn(this.port, "finance").getJson("/api/v1/finance/budget?year=2027").body();
		assertThat(number(next, contract + ".fees")).isEqualByComparingTo(month.add(month));
		assertThat(number(next, contract + ".paid")).isEqualByComparingTo("0.00");
		List<Double> previous = JsonPath.read(next, "$.units[?(@.unitName == '" + this.unitName + "')].previousFees");
		assertThat(BigDecimal.valueOf(previous.get(0))).isGreaterThanOrEqualTo(month.multiply(BigDecimal.TEN));
	}

	@Test
	void theFinanceViewerReadsAggregatesAndContractTotalsButNoAddressHostOrDocument() {
		TestClient finance = TestClient.signedIn(this.port, "finance");
		for (String path : List.of("/finance?year=2026", "/api/v1/finance/budget?year=2026",
				"/api/v1/finance/units?year=2026&size=200", "/api/v1/finance/chart?year=2026")) {
			HttpResponse<String> read = finance.get(path, path.startsWith("/api") ? "application/json" : "text/html");
			assertThat(read.statusCode()).as(path).isEqualTo(200);
			assertThat(read.body()).as(path).contains(this.unitName);
			assertThat(ADDRESS.matcher(read.body()).find()).as(path + " shows an address").isFalse();
			assertThat(read.body()).as(path).doesNotContain(this.technical.toArray(String[]::new));
			assertThat(read.body()).as(path).doesNotContain(".pdf", "/documents", "/plans", "/instances/", "/signed");
		}
		assertThat(finance.get("/finance?year=2026", "text/html").body()).contains(this.contractNumber);
	}

	@Test
	void theFinanceViewerIsRefusedInstancesDocumentsAndSystemDetails() {
		TestClient finance = TestClient.signedIn(this.port, "finance");
		String system = this.hosts.systemId();
		String instance = this.hosts.instanceIds().get(0);
		Map<String, String> routes = Map.of("/instances/" + instance, "text/html",
				"/api/v1/metering/instances/" + instance
						+ "/utilisation?metric=CPU&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
				"application/json", "/api/v1/inventory/instances", "application/json",
				"/api/v1/contracts/" + this.hosts.contractId() + "/signed.pdf", "*/*",
				"/api/v1/contracts/" + this.hosts.contractId(), "application/json", "/systems/" + system, "text/html",
				"/api/v1/systems/" + system, "application/json", "/api/v1/systems/" + system + "/plans/1", "*/*");
		routes.forEach((route, accept) -> assertThat(finance.get(route, accept).statusCode()).as(route).isIn(403, 404));
	}

	@Test
	void theWorkbookHasASummaryAndASheetPerUnitWithNumbersAsNumbers() throws Exception {
		HttpResponse<byte[]> file = TestClient.signedIn(this.port, "finance")
			.getBytes("/api/v1/finance/budget.xlsx?year=2026");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("budget-2026.xlsx");
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			Sheet summary = book.getSheetAt(0);
			assertThat(summary.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isPositive();
			assertThat(book.getNumberOfSheets()).isEqualTo(summary.getLastRowNum());
			Sheet unit = book.getSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(this.unitName));
			assertThat(unit).isNotNull();
			StringBuilder text = new StringBuilder();
			unit.forEach((row) -> row.forEach((cell) -> text.append(cell).append(' ')));
			assertThat(text).contains(this.contractNumber);
			assertThat(ADDRESS.matcher(text).find()).isFalse();
		}
	}

	@Test
	void onlyTheFinanceBureauAndTheCommissionReadTheBudget() {
		assertThat(TestClient.signedIn(this.port, "reviewer").get("/finance", "text/html").statusCode()).isEqualTo(200);
		for (String outsider : List.of("unitadmin", "operator", "suppliermgr", "sysadmin")) {
			assertThat(TestClient.signedIn(this.port, outsider).getJson("/api/v1/finance/budget").statusCode())
				.as(outsider)
				.isEqualTo(403);
		}
		assertThat(TestClient.signedIn(this.port, "finance").getJson("/api/v1/finance/units?sort=address").statusCode())
			.isEqualTo(400);
		assertThat(TestClient.signedIn(this.port, "finance").getJson("/api/v1/finance/budget?year=1999").statusCode())
			.isEqualTo(400);
	}

	private BigDecimal number(String json, String path) {
		List<Object> found = JsonPath.read(json, path);
		assertThat(found).as(path).hasSize(1);
		return new BigDecimal(found.get(0).toString());
	}

	private String one(String sql) {
		return this.jdbc.sql(sql).query(String.class).single();
	}

}
