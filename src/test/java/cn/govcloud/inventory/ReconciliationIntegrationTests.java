package cn.govcloud.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Approved;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory's Excel export, the daily consistency run and the reconciliation of a
 * supplier's own list with GovCloud's (PRODUCT C6).
 */
@GovCloudIntegrationTest
class ReconciliationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConsistencyRun consistencyRun;

	UUID supplier;

	TestClient operator;

	@BeforeEach
	void demoSupplier() {
		this.supplier = this.jdbc.sql("SELECT id FROM organization WHERE kind = 'SUPPLIER' AND name = '宜兴政务云服务有限公司'")
			.query(UUID.class)
			.single();
		this.operator = TestClient.signedIn(this.port, "operator");
	}

	@Test
	void theExportEscapesFormulasAndKeepsToTheUnitsScope() throws IOException {
		Order order = filedOrder();
		String formula = "=cmd" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(record(order, formula, "i-" + UUID.randomUUID(), ip(), 8).statusCode()).isEqualTo(201);
		UUID foreign = UUID.randomUUID();
		String foreignName = "other-unit-" + foreign.toString().substring(0, 8);
		this.jdbc
			.sql("""
					INSERT INTO instance (id, unit_id, supplier_id, system_id, kind_code, name, cloud_instance_id, spec, zone,
					                      state, created_at)
					SELECT :id, (SELECT o.id FROM organization o WHERE o.kind = 'UNIT' AND o.id <> i.unit_id LIMIT 1),
					       supplier_id, system_id, kind_code, :name, :name, spec, zone, 'PROVISIONING', now()
					FROM instance i WHERE supplier_id = :supplier ORDER BY created_at DESC LIMIT 1
					""")
			.param("id", foreign)
			.param("name", foreignName)
			.param("supplier", this.supplier)
			.update();
		try {
			HttpResponse<byte[]> file = order.unit.getBytes("/api/v1/inventory/instances.xlsx");
			assertThat(file.statusCode()).isEqualTo(200);
			List<String> cells = cells(file.body());
			assertThat(cells).contains("'" + formula).doesNotContain(formula).doesNotContain(foreignName);
			assertThat(cells(TestClient.signedIn(this.port, "reviewer")
				.getBytes("/api/v1/inventory/instances.xlsx?q=" + foreignName)
				.body())).contains(foreignName);
			assertThat(order.unit.get("/inventory").body()).contains("inventory-export");
		}
		finally {
			this.jdbc.sql("DELETE FROM instance WHERE id = :id").param("id", foreign).update();
		}
	}

	@Test
	void theDailyRunTellsTheCommissionsManagersOnceADay() {
		Order order = filedOrder();
		assertThat(record(order, "web-daily", "i-" + UUID.randomUUID(), ip(), 8).statusCode()).isEqualTo(201);
		String stray = "i-stray-" + UUID.randomUUID().toString().substring(0, 8);
		UUID strayId = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO instance (id, unit_id, supplier_id, system_id, kind_code, name, cloud_instance_id, spec, zone,
					                      state, active_from, created_at)
					SELECT :id, unit_id, supplier_id, system_id, kind_code, 'planted', :cloudId, spec, zone, 'ACTIVE',
					       current_date, now()
					FROM instance WHERE supplier_id = :supplier ORDER BY created_at DESC LIMIT 1
					""")
			.param("id", strayId)
			.param("cloudId", stray)
			.param("supplier", this.supplier)
			.update();
		LocalDate day = LocalDate.of(2100, 1, 1).plusDays((long) (Math.random() * 30_000));
		try {
			assertThat(this.consistencyRun.run(day)).extracting(Violation::subject).contains(stray);
			long told = notified(day);
			assertThat(told).isPositive();
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
					WHERE u.username = 'manager' AND n.code = 'notice.consistency.violations' AND n.args[2] = :day
					""").param("day", day.toString()).query(Long.class).single()).isEqualTo(1);
			assertThat(this.consistencyRun.run(day)).isNotEmpty();
			assertThat(notified(day)).isEqualTo(told);
		}
		finally {
			this.jdbc.sql("DELETE FROM instance WHERE id = :id").param("id", strayId).update();
		}
		assertThat(this.consistencyRun.run(day.plusDays(1))).isEmpty();
		assertThat(notified(day.plusDays(1))).isZero();
	}

	@Test
	void aSupplierListIsReconciledInEachCategoryFromCsvAndXlsx() throws IOException {
		Order order = filedOrder(3);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String same = "i-same-" + tag;
		String differs = "i-differs-" + tag;
		String unlisted = "i-unlisted-" + tag;
		String sameIp = ip();
		String differsIp = ip();
		record(order, "same", same, sameIp, 8);
		record(order, "differs", differs, differsIp, 8);
		record(order, "unlisted", unlisted, ip(), 4);
		String newIp = ip();
		String csv = "name,ip,cloud_instance_id,kind,vcpu,memory_gib,disk_gib,zone\n" + "same," + sameIp + "," + same
				+ ",CLOUD_HOST,8,32,100,宜兴一区\n" + "differs," + newIp + "," + differs + ",CLOUD_HOST,4,32,100,宜兴一区\n"
				+ "only,10.9.9.9,i-only-" + tag + ",CLOUD_HOST,2,4,40,宜兴一区\n";
		HttpResponse<String> report = this.operator.postMultipart("/api/v1/inventory/reconciliation", "file",
				"list.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		assertCategories(report.body(), tag, newIp, differsIp);
		HttpResponse<String> fromXlsx = TestClient.signedIn(this.port, "reviewer")
			.postMultipartWithFields("/api/v1/inventory/reconciliation", Map.of("supplierId", this.supplier.toString()),
					"file", "list.xlsx", xlsx(csv));
		assertThat(fromXlsx.statusCode()).as(fromXlsx.body()).isEqualTo(200);
		assertCategories(fromXlsx.body(), tag, newIp, differsIp);
		assertThat(order.unit
			.postMultipart("/api/v1/inventory/reconciliation", "file", "list.csv", csv.getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(403);
		assertThat(this.operator.get("/inventory/reconciliation").body()).contains("reconciliation-form");
		String page = this.operator
			.postMultipart("/inventory/reconciliation", "file", "list.csv", csv.getBytes(StandardCharsets.UTF_8))
			.body();
		assertThat(page).contains("only-in-list")
			.contains("i-only-" + tag)
			.contains("i-unlisted-" + tag)
			.contains(newIp);
	}

	@Test
	void badRowsAreReportedByRowAndColumnAndNothingIsReconciled() {
		String csv = "name,ip,cloud_instance_id,kind,vcpu,memory_gib,disk_gib,zone\n"
				+ "a,10.0.0.999,i-a,CLOUD_HOST,2,4,40,z\n" + "b,10.0.0.1,i-b,CLOUD_HOST,two,4,40,z\n"
				+ ",10.0.0.2,i-b,CLOUD_HOST,2,4,40,z\n";
		HttpResponse<String> refused = this.operator.postMultipart("/api/v1/inventory/reconciliation", "file",
				"list.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		List<String> fields = JsonPath.read(refused.body(), "$.errors[*].field");
		assertThat(fields).containsExactly("rows[2].B", "rows[3].E", "rows[4].A");
		HttpResponse<String> header = this.operator.postMultipart("/api/v1/inventory/reconciliation", "file",
				"list.csv", "id,name\n1,a\n".getBytes(StandardCharsets.UTF_8));
		assertThat(header.statusCode()).isEqualTo(400);
		HttpResponse<String> noSupplier = TestClient.signedIn(this.port, "reviewer")
			.postMultipart("/api/v1/inventory/reconciliation", "file", "list.csv",
					csv.getBytes(StandardCharsets.UTF_8));
		assertThat((String) JsonPath.read(noSupplier.body(), "$.errors[0].field")).isEqualTo("supplierId");
		assertThat(this.operator
			.postMultipart("/inventory/reconciliation", "file", "list.csv", csv.getBytes(StandardCharsets.UTF_8))
			.body()).contains("import-problems").contains("rows[3].E").contains("two");
		assertThat((String) JsonPath.read(header.body(), "$.errors[0].field")).isEqualTo("file");
	}

	private static void assertCategories(String body, String tag, String newIp, String oldIp) {
		assertThat((Integer) JsonPath.read(body, "$.listed")).isEqualTo(3);
		List<String> onlyInList = JsonPath.read(body, "$.onlyInList[*].cloudInstanceId");
		assertThat(onlyInList).containsExactly("i-only-" + tag);
		List<String> onlyInGovCloud = JsonPath.read(body, "$.onlyInGovCloud[*].cloudInstanceId");
		assertThat(onlyInGovCloud).contains("i-unlisted-" + tag)
			.doesNotContain("i-same-" + tag, "i-differs-" + tag, "i-only-" + tag);
		List<String> mismatched = JsonPath.read(body, "$.mismatched[*].cloudInstanceId");
		assertThat(mismatched).containsExactly("i-differs-" + tag);
		assertThat((List<String>) JsonPath.read(body, "$.mismatched[0].differences[*].field")).containsExactly("vcpu",
				"ip");
		assertThat((String) JsonPath.read(body, "$.mismatched[0].differences[0].listed")).isEqualTo("4");
		assertThat((String) JsonPath.read(body, "$.mismatched[0].differences[0].govCloud")).isEqualTo("8");
		assertThat((String) JsonPath.read(body, "$.mismatched[0].differences[1].listed")).isEqualTo(newIp);
		assertThat((String) JsonPath.read(body, "$.mismatched[0].differences[1].govCloud")).isEqualTo(oldIp);
	}

	/** The CSV's cells in a workbook, numbers as numbers. */
	private static byte[] xlsx(String csv) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("list");
			String[] lines = csv.split("\n");
			for (int r = 0; r < lines.length; r++) {
				Row row = sheet.createRow(r);
				String[] cells = lines[r].split(",", -1);
				for (int c = 0; c < cells.length; c++) {
					if (r > 0 && c >= 4 && c <= 6) {
						row.createCell(c).setCellValue(Integer.parseInt(cells[c]));
					}
					else {
						row.createCell(c).setCellValue(cells[c]);
					}
				}
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

	private long notified(LocalDate day) {
		return this.jdbc
			.sql("SELECT count(*) FROM notification WHERE code = 'notice.consistency.violations' AND args[2] = :day")
			.param("day", day.toString())
			.query(Long.class)
			.single();
	}

	private static List<String> cells(byte[] xlsx) throws IOException {
		List<String> cells = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : book.getSheetAt(0)) {
				for (Cell cell : row) {
					cells.add(cell.toString());
				}
			}
		}
		return cells;
	}

	HttpResponse<String> record(Order order, String name, String cloudId, String ip, int vcpu) {
		return this.operator.postJson("/api/v1/work-orders/" + order.id + "/lines/" + order.lineId + "/instances",
				"{\"name\":\"" + name + "\",\"ipAddresses\":[\"" + ip + "\"],\"cloudInstanceId\":\"" + cloudId
						+ "\",\"zone\":\"宜兴一区\",\"spec\":{\"vcpu\":" + vcpu
						+ ",\"memoryGib\":32,\"systemDiskGib\":100,\"os\":\"麒麟 Kylin\"}}");
	}

	static String ip() {
		int n = (int) (Math.random() * 16_000_000);
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	/** Approved, contracted with the demo supplier, signed, submitted and filed. */
	Order filedOrder() {
		return filedOrder(2);
	}

	Order filedOrder(int hosts) {
		Approved approved = Scenarios.approvedHosts(this.port, "unitadmin", hosts, 32, false);
		String contract = Scenarios.filedContract(this.port, approved, this.supplier);
		UUID orderId = Scenarios.awaitWorkOrder(this.jdbc, UUID.fromString(contract));
		HttpResponse<String> order = this.operator.getJson("/api/v1/work-orders/" + orderId);
		assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
		return new Order(orderId.toString(), JsonPath.read(order.body(), "$.lines[0].id"), approved.systemId(),
				approved.unit());
	}

	record Order(String id, String lineId, String systemId, TestClient unit) {
	}

}
