package cn.govcloud.catalogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PriceSheetTests {

	@Test
	void goodRowsAreReadWithExcelsRowNumbersSkippingBlankRows() throws IOException {
		PriceSheet.Rows rows = PriceSheet.read(workbook((sheet) -> {
			row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", 45.0, "2026-01-01", null);
			sheet.createRow(2).createCell(0).setCellValue("   ");
			row(sheet, 3, "cloud_storage", " capacityGib ", "gib_month", 0.15, "2026/1/1", "2026-12-31");
			Row dated = row(sheet, 4, "BANDWIDTH", "mbps", "MBPS_MONTH", 35.5, null, null);
			CellStyle date = sheet.getWorkbook().createCellStyle();
			date.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
			dated.createCell(4).setCellValue(LocalDate.of(2026, 2, 1));
			dated.getCell(4).setCellStyle(date);
		}));
		assertThat(rows.problems()).isEmpty();
		assertThat(rows.rowNumbers()).containsExactly(2, 4, 5);
		assertThat(rows.lines()).containsExactly(
				new Line("CLOUD_HOST", "vcpu", BillingUnit.VCPU_MONTH, new BigDecimal("45"), LocalDate.of(2026, 1, 1),
						null),
				new Line("CLOUD_STORAGE", "capacityGib", BillingUnit.GIB_MONTH, new BigDecimal("0.15"),
						LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
				new Line("BANDWIDTH", "mbps", BillingUnit.MBPS_MONTH, new BigDecimal("35.5"), LocalDate.of(2026, 2, 1),
						null));
	}

	@Test
	void aPriceWithThreeDecimalsIsReadExactlySoTheRulesRefuseIt() throws IOException {
		PriceSheet.Rows rows = PriceSheet.read(workbook(
				(sheet) -> row(sheet, 1, "CLOUD_HOST", "systemDiskGib", "GIB_MONTH", 0.605, "2026-01-01", null)));
		assertThat(rows.lines().get(0).unitPrice()).isEqualByComparingTo("0.605");
	}

	@Test
	void everyUnreadableCellIsNamedByRowAndColumn() throws IOException {
		PriceSheet.Rows rows = PriceSheet.read(workbook((sheet) -> {
			row(sheet, 1, "CLOUD_HOST", "vcpu", "VCPU_MONTH", "四十五", "2026-01-01", null);
			row(sheet, 2, "BACKUP", "capacityGib", "GIB_MONTH", 0.2, "2026-01-01", null).getCell(3)
				.setCellFormula("0.1*2");
			row(sheet, 3, "BANDWIDTH", "mbps", "PER_MONTH", 35.0, "2026-01-01", null);
			row(sheet, 4, "BANDWIDTH", "mbps", "MBPS_MONTH", 35.0, "1 月 1 日", "2026-13-01");
			row(sheet, 5, "WAF", "instance", "INSTANCE_MONTH", 900.0, "2026-01-01", null).createCell(5)
				.setCellErrorValue(FormulaError.NA.getCode());
			row(sheet, 6, "WAF", "instance", "INSTANCE_MONTH", 900.0, "2026-01-01", null).getCell(0)
				.setCellFormula("\"W\"&\"AF\"");
		}));
		assertThat(rows.problems()).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("rows[2].D", "price.import.priceText"), tuple("rows[3].D", "price.import.formula"),
					tuple("rows[4].C", "price.billingUnit.unknown"), tuple("rows[5].E", "price.import.date"),
					tuple("rows[5].F", "price.import.date"), tuple("rows[6].F", "price.import.unreadable"),
					tuple("rows[7].A", "price.import.formula"));
		assertThat(rows.problems().get(1).args()).contains("3", "D", "=0.1*2");
		assertThat(rows.rowNumbers()).containsExactly(2, 3, 4, 5, 6, 7);
		assertThat(rows.lines().get(0).unitPrice()).isNull();
		assertThat(rows.lines().get(1).unitPrice()).isNull();
	}

	@Test
	void missingCellsAreLeftEmptyForTheRulesToName() throws IOException {
		PriceSheet.Rows rows = PriceSheet
			.read(workbook((sheet) -> row(sheet, 1, "WAF", "instance", null, null, "2026-01-01", null)));
		assertThat(rows.problems()).isEmpty();
		assertThat(rows.lines().get(0).billingUnit()).isNull();
		assertThat(rows.lines().get(0).unitPrice()).isNull();
		assertThat(PriceSheet.names(rows.rowNumbers()).field(0, "unitPrice")).isEqualTo("rows[2].D");
	}

	@Test
	void aFileThatIsNoXlsxWorkbookIsRefusedAsAWhole() throws IOException {
		assertFileRefused("just text".getBytes(StandardCharsets.UTF_8), "price.import.notXlsx");
		assertFileRefused(new byte[0], "price.import.empty");
		assertFileRefused(null, "price.import.empty");
		assertFileRefused(zipWith("hello.txt"), "price.import.notXlsx");
		try (Workbook old = new HSSFWorkbook()) {
			old.createSheet("prices");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			old.write(out);
			assertFileRefused(out.toByteArray(), "price.import.oldXls");
		}
		byte[] big = new byte[PriceSheet.MAX_BYTES + 1];
		System.arraycopy(workbook((sheet) -> {
		}), 0, big, 0, 4);
		assertFileRefused(big, "price.import.size");
	}

	@Test
	void aSheetWithTooManyLinesIsRefusedAsAWhole() throws IOException {
		byte[] file = workbook((sheet) -> {
			for (int r = 1; r <= PriceLineRules.MAX_LINES + 1; r++) {
				row(sheet, r, "BANDWIDTH", "mbps", "MBPS_MONTH", 35.0, "2026-01-01", null);
			}
		});
		assertFileRefused(file, "price.lines.tooMany");
	}

	private static void assertFileRefused(byte[] content, String code) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> PriceSheet.read(content))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(FieldProblem::field, FieldProblem::code)
				.containsExactly(tuple("file", code)));
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	static Row row(Sheet sheet, int index, String kind, String dimension, String unit, Object price, String from,
			String to) {
		Row row = sheet.createRow(index);
		row.createCell(0).setCellValue(kind);
		row.createCell(1).setCellValue(dimension);
		if (unit != null) {
			row.createCell(2).setCellValue(unit);
		}
		if (price instanceof Double number) {
			row.createCell(3).setCellValue(number);
		}
		else if (price != null) {
			row.createCell(3).setCellValue((String) price);
		}
		if (from != null) {
			row.createCell(4).setCellValue(from);
		}
		if (to != null) {
			row.createCell(5).setCellValue(to);
		}
		return row;
	}

	static byte[] workbook(Consumer<Sheet> rows) throws IOException {
		try (Workbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet("prices");
			sheet.createRow(0).createCell(0).setCellValue("资源种类代码 Kind code");
			rows.accept(sheet);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] zipWith(String name) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

}
