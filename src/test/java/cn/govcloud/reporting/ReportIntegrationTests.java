package cn.govcloud.reporting;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import cn.govcloud.contract.ContractFee;
import cn.govcloud.contract.MonthlyFees;
import cn.govcloud.reporting.ReportDrafting.Party;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The monthly report (Art. 12) end to end: drafted from the other modules' figures,
 * drafted again in place, completed and submitted by the supplier, kept as submitted,
 * acknowledged by the unit, corrected as a new version; and read only by its parties and
 * the Commission.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportRun run;

	@Autowired
	ReportStore store;

	@Autowired
	MonthlyFees fees;

	@Autowired
	CityReport city;

	Accepted hosts;

	UUID unit;

	UUID supplier;

	final YearMonth month = YearMonth.from(CityTime.today());

	String idleHost;

	String hotHost;

	String incident;

	@BeforeAll
	void hostsWithUtilisationAndAFault() {
		this.supplier = Scenarios.demoSupplier(this.jdbc);
		this.hosts = Scenarios.acceptedHosts(this.port, this.jdbc, this.supplier, 2);
		this.unit = this.jdbc.sql("SELECT unit_id FROM application_system WHERE id = CAST(:id AS uuid)")
			.param("id", this.hosts.systemId())
			.query(UUID.class)
			.single();
		this.idleHost = name(this.hosts.instanceIds().get(0));
		this.hotHost = name(this.hosts.instanceIds().get(1));
		points(this.hosts.instanceIds().get(0), 0.05, 0.20);
		points(this.hosts.instanceIds().get(1), 0.95, 0.50);
		HttpResponse<String> raised = this.hosts.unit().postJson("/api/v1/tickets", """
				{"systemId":"%s","category":"FAULT","priority":"P1","title":"核心库宕机","description":"数据库无法连接"}
				""".formatted(this.hosts.systemId()));
		assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
		this.incident = JsonPath.read(raised.body(), "$.ticket.number");
	}

	@Test
	void aDraftHoldsTheModulesFiguresIsReplacedWhenDraftedAgainAndASubmittedReportNeverChanges() {
		this.run.draftUnit(this.month, this.unit);
		UUID id = latest();
		String report = manager().getJson("/api/v1/reports/" + id).body();
		assertThat(this.<Number>read(report, "$.content.utilisation[?(@.name == '%s')].cpu.avg", this.idleHost)
			.doubleValue()).isCloseTo(0.05, within(1e-9));
		assertThat(this.<Boolean>read(report, "$.content.utilisation[?(@.name == '%s')].idle", this.idleHost)).isTrue();
		assertThat(this.<Boolean>read(report, "$.content.utilisation[?(@.name == '%s')].hot", this.hotHost)).isTrue();
		assertThat(this.<String>read(report, "$.content.suggestions[?(@.instanceName == '%s')].code", this.hotHost))
			.isEqualTo("HOT");
		assertThat((List<String>) JsonPath.read(report, "$.content.operations.incidents[*].number"))
			.contains(this.incident);
		BigDecimal billed = this.fees.in(this.month, this.unit)
			.stream()
			.filter((fee) -> fee.supplierId().equals(this.supplier))
			.map(ContractFee::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(new BigDecimal(JsonPath.read(report, "$.content.feeTotal").toString())).isEqualByComparingTo(billed)
			.isPositive();

		this.run.draftUnit(this.month, this.unit);
		assertThat(latest()).as("drafting again replaces the draft").isEqualTo(id);
		assertThat(versions()).isEqualTo(1);

		TestClient supplierManager = TestClient.signedIn(this.port, "suppliermgr");
		assertThat(supplierManager
			.postJson("/api/v1/reports/" + id + "/texts",
					"{\"narrative\":\"本月运行平稳\",\"suggestions\":\"=HYPERLINK(1)\"}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> submitted = supplierManager.postJson("/api/v1/reports/" + id + "/submit", "{}");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(submitted.body(), "$.status")).isEqualTo("SUBMITTED");
		assertThat(supplierManager.postJson("/api/v1/reports/" + id + "/submit", "{}").statusCode()).isEqualTo(409);
		workbookHoldsTheFigures(id, billed);
		pdfHoldsTheFigures(id, billed);
		String stored = content(id);
		points(this.hosts.instanceIds().get(0), 0.50, 0.50);
		assertThat(this.run.draftUnit(this.month, this.unit)).isZero();
		assertThat(content(id)).as("a submitted report never changes").isEqualTo(stored);
		assertThat(versions()).isEqualTo(1);

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
				WHERE u.username = 'unitadmin' AND n.code = 'notice.report.submitted' AND n.link = :link
				""").param("link", "/reports/" + id).query(Long.class).single() == 1);
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.postJson("/api/v1/reports/" + id + "/acknowledge", "{}")
			.statusCode()).isEqualTo(200);
		assertThat(supplierManager.get("/reports/" + id).body()).contains("本月运行平稳");

		HttpResponse<String> corrected = supplierManager.postForm("/reports/" + id + "/correct", Map.of());
		assertThat(corrected.statusCode()).isEqualTo(302);
		assertThat(versions()).isEqualTo(2);
		assertThat(latest()).isNotEqualTo(id);
		assertThat(this.run.draftUnit(this.month, this.unit)).as("the correction's draft is drafted again").isOne();
		assertThat(content(id)).isEqualTo(stored);
	}

	@Test
	void aUnitSeesOnlyItsOwnReportsAndASupplierOnlyThoseItGave() {
		this.run.draftUnit(this.month, this.unit);
		UUID ours = latest();
		UUID otherSupplier = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO organization (id, kind, name, created_at) VALUES (:id, 'SUPPLIER', :name, now())")
			.param("id", otherSupplier)
			.param("name", "另一运维商 " + otherSupplier.toString().substring(0, 8))
			.update();
		this.store.saveDraft(new Party(this.unit, otherSupplier), this.month, new ReportContent(List.of(),
				new ReportContent.Operations(List.of(), List.of(), 0, 0, 0, 0, 0, 0,
						new ReportContent.Backups(3, 31, 27, 3, 1, 2, 1)),
				List.of(), List.of(), BigDecimal.ZERO), LocalDate.now(), Instant.now());
		UUID theirs = this.jdbc.sql("SELECT id FROM reporting_report WHERE supplier_id = :s")
			.param("s", otherSupplier)
			.query(UUID.class)
			.single();

		TestClient otherUnit = TestClient.signedIn(this.port, "unitadmin2");
		assertThat(otherUnit.getJson("/api/v1/reports/" + ours).statusCode()).isEqualTo(404);
		assertThat(otherUnit.get("/reports/" + ours).statusCode()).isEqualTo(404);
		assertThat(otherUnit.getJson("/api/v1/reports?size=200").body()).doesNotContain(ours.toString());

		TestClient supplierManager = TestClient.signedIn(this.port, "suppliermgr");
		assertThat(supplierManager.getJson("/api/v1/reports/" + theirs).statusCode()).isEqualTo(404);
		String supplierList = supplierManager.getJson("/api/v1/reports?size=200&month=" + this.month).body();
		assertThat(supplierList).contains(ours.toString()).doesNotContain(theirs.toString());

		TestClient ownUnit = TestClient.signedIn(this.port, "unitadmin");
		assertThat(ownUnit.getJson("/api/v1/reports/" + theirs).statusCode()).isEqualTo(200);
		assertThat(manager().getJson("/api/v1/reports/" + theirs).statusCode()).isEqualTo(200);
		String city = manager().get("/reports/city?month=" + this.month).body();
		assertThat(city).contains("/reports/" + ours).contains("/reports/" + theirs).contains("city-total");
		cityPdfListsTheUnits(ours);
		cityBackupsAreTheReportsSummed(ours, city);
		assertThat(ownUnit.get("/reports/city?month=" + this.month).statusCode())
			.as("the city report is the Commission's")
			.isEqualTo(403);
		assertThat(TestClient.signedIn(this.port, "sysadmin").getJson("/api/v1/reports/" + ours).statusCode())
			.as("administrators read no unit's records")
			.isEqualTo(403);
	}

	@Test
	void badInputIsNamedAndAMonthNotOverIsNotDrafted() {
		this.run.draftUnit(this.month, this.unit);
		UUID id = latest();
		HttpResponse<String> tooLong = TestClient.signedIn(this.port, "suppliermgr")
			.postJson("/api/v1/reports/" + id + "/texts", "{\"narrative\":\"" + "长".repeat(10_001) + "\"}");
		assertThat(tooLong.statusCode()).isIn(400, 409);
		if (tooLong.statusCode() == 400) {
			assertThat(tooLong.body()).contains("narrative");
		}
		assertThat(manager().postForm("/reports/drafting", Map.of("month", "2999-01")).statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT count(*) FROM reporting_job_run WHERE period = DATE '2999-01-01'")
			.query(Long.class)
			.single()).as("a month not over is not drafted").isZero();
	}

	/** Excel: numbers as number cells, as stored; formula-like text kept as text. */
	private void workbookHoldsTheFigures(UUID id, BigDecimal billed) {
		HttpResponse<byte[]> file = manager().getBytes("/api/v1/reports/" + id + "/workbook");
		assertThat(file.statusCode()).isEqualTo(200);
		try (org.apache.poi.ss.usermodel.Workbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(file.body()))) {
			assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("封面");
			org.apache.poi.ss.usermodel.Sheet usage = book.getSheet("资源使用");
			org.apache.poi.ss.usermodel.Row idle = null;
			for (org.apache.poi.ss.usermodel.Row row : usage) {
				if (row.getCell(0).getStringCellValue().equals(this.idleHost)) {
					idle = row;
				}
			}
			assertThat(idle).as("the idle host's row").isNotNull();
			assertThat(idle.getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
			assertThat(idle.getCell(4).getNumericCellValue()).isCloseTo(5.0, within(1e-6));
			org.apache.poi.ss.usermodel.Sheet fees = book.getSheet("费用");
			assertThat(fees.getRow(fees.getLastRowNum()).getCell(2).getNumericCellValue())
				.isCloseTo(billed.doubleValue(), within(0.001));
			String suggestions = null;
			for (org.apache.poi.ss.usermodel.Row row : book.getSheet("封面")) {
				if (row.getCell(0).getStringCellValue().equals("运维服务商建议")) {
					suggestions = row.getCell(1).getStringCellValue();
				}
			}
			assertThat(suggestions).as("a formula stays text").isEqualTo("'=HYPERLINK(1)");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * PDF: the cover names the unit, month, supplier and submission day; the figures are
	 * the stored ones; every page is numbered; the Chinese font is embedded; pages
	 * render.
	 */
	private void pdfHoldsTheFigures(UUID id, BigDecimal billed) {
		HttpResponse<byte[]> file = TestClient.signedIn(this.port, "unitadmin")
			.getBytes("/api/v1/reports/" + id + "/pdf");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
		Map<String, Object> row = this.jdbc
			.sql("""
					SELECT u.name AS unit, s.name AS supplier, r.number, (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS day
					FROM reporting_report r JOIN organization u ON u.id = r.unit_id JOIN organization s ON s.id = r.supplier_id
					WHERE r.id = :id
					""")
			.param("id", id)
			.query()
			.singleRow();
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(file.body())) {
			org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
			stripper.setEndPage(1);
			String cover = stripper.getText(pdf);
			assertThat(cover).contains((String) row.get("unit"))
				.contains((String) row.get("supplier"))
				.contains(this.month.toString())
				.contains((String) row.get("number"))
				.contains(row.get("day").toString());
			stripper.setEndPage(pdf.getNumberOfPages());
			stripper.setSortByPosition(true);
			String all = stripper.getText(pdf);
			String idleCpu = ReportPdf.three(this.jdbc
				.sql("""
						SELECT (e -> 'cpu' ->> 'avg')::float8, (e -> 'cpu' ->> 'p95')::float8, (e -> 'cpu' ->> 'max')::float8
						FROM reporting_report r, jsonb_array_elements(r.content -> 'utilisation') e
						WHERE r.id = :id AND e ->> 'name' = :name
						""")
				.param("id", id)
				.param("name", this.idleHost)
				.query((rs, n) -> new ReportContent.Figures("", rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)))
				.single());
			assertThat(idleCpu).as("the stored figures as the PDF writes them").startsWith("5.0/");
			assertThat(all)
				.containsPattern(java.util.regex.Pattern.quote(this.idleHost) + "[^\\n]* "
						+ java.util.regex.Pattern.quote(idleCpu) + " ")
				.contains(this.hotHost)
				.contains(this.incident)
				.contains("合计 " + ReportPdf.Text.money(billed))
				.contains("本月运行平稳")
				.contains("第 1 页，共 " + pdf.getNumberOfPages() + " 页");
			cn.govcloud.shared.pdf.PdfFontsAssert.embedded(pdf.getPage(0));
			cn.govcloud.shared.pdf.PdfFontsAssert.render(pdf, 0, "report-cover");
			cn.govcloud.shared.pdf.PdfFontsAssert.render(pdf, 1, "report-page-2");
			java.nio.file.Files.write(java.nio.file.Path.of("target", "pdf-pages", "report.pdf"), file.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void cityPdfListsTheUnits(UUID ours) {
		HttpResponse<byte[]> file = manager().getBytes("/reports/city/pdf?month=" + this.month);
		assertThat(file.statusCode()).isEqualTo(200);
		String unitName = this.jdbc.sql("SELECT name FROM organization WHERE id = :id")
			.param("id", this.unit)
			.query(String.class)
			.single();
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(file.body())) {
			String all = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
			List<CityReport.Row> rows = this.city.rows(this.month);
			assertThat(all).contains(unitName)
				.contains("另一运维商")
				.contains("合计 ")
				.contains(ReportPdf.Text.money(CityReport.total(rows).fees()));
			cn.govcloud.shared.pdf.PdfFontsAssert.embedded(pdf.getPage(0));
			cn.govcloud.shared.pdf.PdfFontsAssert.render(pdf, 1, "city-page-2");
			java.nio.file.Files.write(java.nio.file.Path.of("target", "pdf-pages", "city.pdf"), file.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.getBytes("/reports/city/pdf?month=" + this.month)
			.statusCode()).isEqualTo(403);
	}

	/**
	 * The city report's backups (Art. 16) are the units' reports' figures summed: the
	 * other supplier's report as stored above, ours as drafted (none when the unit has no
	 * policy).
	 */
	private void cityBackupsAreTheReportsSummed(UUID ours, String page) {
		ReportContent.Backups own = this.store.content(ours).operations().backups();
		int[] sum = { 3, 31, 27, 3, 1, 2, 1 };
		if (own != null) {
			int[] add = { own.instances(), own.periods(), own.met(), own.failed(), own.missed(), own.restoreTests(),
					own.restoreTestsFailed() };
			for (int i = 0; i < sum.length; i++) {
				sum[i] += add[i];
			}
		}
		String sentence = sum[0] + " 个实例有备份策略：应备份 " + sum[1] + " 个周期，已备份 " + sum[2] + "，失败 " + sum[3] + "，漏备 " + sum[4]
				+ "；恢复测试 " + sum[5] + " 次，其中失败 " + sum[6] + " 次。";
		assertThat(page).contains(sentence).contains(">27 / 31<").contains(">" + sum[2] + " / " + sum[1] + "<");
		HttpResponse<byte[]> file = manager().getBytes("/reports/city/pdf?month=" + this.month);
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(file.body())) {
			String all = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(all).contains("各单位的备份（第十六条）")
				.contains(sentence)
				.containsPattern("另一运维商 [0-9a-f]{8} 3 31 27 3 1 2 1")
				.contains("合计 " + sum[0] + " " + sum[1] + " " + sum[2] + " " + sum[3] + " " + sum[4] + " " + sum[5]
						+ " " + sum[6]);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private TestClient manager() {
		return TestClient.signedIn(this.port, "manager");
	}

	private UUID latest() {
		return this.jdbc.sql("""
				SELECT id FROM reporting_report WHERE unit_id = :u AND supplier_id = :s AND month = :m
				ORDER BY version DESC LIMIT 1
				""")
			.param("u", this.unit)
			.param("s", this.supplier)
			.param("m", java.sql.Date.valueOf(this.month.atDay(1)))
			.query(UUID.class)
			.single();
	}

	private int versions() {
		return this.jdbc.sql("""
				SELECT count(*) FROM reporting_report WHERE unit_id = :u AND supplier_id = :s AND month = :m
				""")
			.param("u", this.unit)
			.param("s", this.supplier)
			.param("m", java.sql.Date.valueOf(this.month.atDay(1)))
			.query(Integer.class)
			.single();
	}

	private String content(UUID id) {
		return this.jdbc.sql("SELECT CAST(content AS text) FROM reporting_report WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private String name(String instanceId) {
		return this.jdbc.sql("SELECT name FROM instance WHERE id = CAST(:id AS uuid)")
			.param("id", instanceId)
			.query(String.class)
			.single();
	}

	@SuppressWarnings("unchecked")
	private <T> T read(String json, String path, Object... args) {
		List<T> found = JsonPath.read(json, path.formatted(args));
		assertThat(found).as(path.formatted(args)).hasSize(1);
		return found.get(0);
	}

	/** An hour of 5-minute points (CPU, memory), as the rollup consumer writes them. */
	private void points(String instanceId, double cpu, double memory) {
		Instant last = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		last = last.minusSeconds(last.getEpochSecond() % 300);
		for (int k = 1; k <= 12; k++) {
			Instant bucket = last.minus(Duration.ofMinutes(5L * k));
			LocalDate day = LocalDate.ofInstant(bucket, ZoneOffset.UTC);
			this.jdbc
				.sql("CREATE TABLE IF NOT EXISTS metering_5m_p" + day.format(DateTimeFormatter.BASIC_ISO_DATE)
						+ " PARTITION OF metering_5m FOR VALUES FROM ('" + day + " 00:00+00') TO ('" + day.plusDays(1)
						+ " 00:00+00')")
				.update();
			for (int metric = 0; metric < 2; metric++) {
				double value = (metric == 0) ? cpu : memory;
				this.jdbc.sql("""
						INSERT INTO metering_5m (instance_id, metric, dimension, bucket, sum, count, max)
						VALUES (CAST(:id AS uuid), :metric, '', :bucket, :v, 1, :v)
						ON CONFLICT (instance_id, metric, dimension, bucket) DO UPDATE SET sum = :v, max = :v
						""")
					.param("id", instanceId)
					.param("metric", metric)
					.param("bucket", Timestamp.from(bucket))
					.param("v", value)
					.update();
			}
		}
	}

}
