package cn.govcloud.rightsizing;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's savings (Art. 8): a realised saving counts in each month by day from the
 * amendment's date (up to today); the workbook's amounts are numbers and a formula-like
 * unit name stays text; the chart's tallest month fills the plot.
 */
class SavingsTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

	@Test
	void aRealisedSavingCountsByDayFromTheAmendmentsDateUpToToday() {
		List<SavingsReport.Amended> amended = List
			.of(new SavingsReport.Amended(LocalDate.of(2026, 11, 21), new BigDecimal("300.00")));
		assertThat(SavingsReport.inMonth(amended, YearMonth.of(2026, 10), TODAY)).isEqualByComparingTo("0");
		// 21-30 November: 10 of 30 days
		assertThat(SavingsReport.inMonth(amended, YearMonth.of(2026, 11), TODAY)).isEqualByComparingTo("100.00");
		// 1-10 December so far: 10 of 31 days
		assertThat(SavingsReport.inMonth(amended, YearMonth.of(2026, 12), TODAY)).isEqualByComparingTo("96.77");
		assertThat(SavingsReport.inMonth(
				List.of(new SavingsReport.Amended(LocalDate.of(2026, 12, 11), new BigDecimal("300.00"))),
				YearMonth.of(2026, 12), TODAY))
			.as("not yet in force")
			.isEqualByComparingTo("0");
	}

	@Test
	void theWorkbookHasNumbersAsNumbersAndAFormulaLikeNameAsText() throws Exception {
		List<YearMonth> months = List.of(YearMonth.of(2026, 11), YearMonth.of(2026, 12));
		CitySavings savings = new CitySavings(months,
				List.of(new CitySavings.UnitSavings(UUID.randomUUID(), "=HYPERLINK(\"http://x\")", 3,
						new BigDecimal("558.00"), new BigDecimal("300.00"),
						List.of(new BigDecimal("100.00"), new BigDecimal("96.77")))),
				3, new BigDecimal("558.00"), new BigDecimal("300.00"),
				List.of(new BigDecimal("100.00"), new BigDecimal("96.77")));
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(SavingsWorkbook.write(savings)))) {
			Sheet units = book.getSheetAt(0);
			Row unit = units.getRow(1);
			assertThat(unit.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(unit.getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(unit.getCell(1).getNumericCellValue()).isEqualTo(3);
			assertThat(unit.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(unit.getCell(2).getNumericCellValue()).isEqualTo(558.0);
			assertThat(unit.getCell(3).getNumericCellValue()).isEqualTo(558.0 * 12);
			assertThat(unit.getCell(7).getNumericCellValue()).isEqualTo(96.77);
			assertThat(units.getRow(2).getCell(0).getStringCellValue()).contains("city");
			Sheet byMonth = book.getSheetAt(1);
			assertThat(byMonth.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2026-11");
			assertThat(byMonth.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(100.0);
		}
	}

	@Test
	void theTallestMonthFillsThePlotAndTheOthersInProportion() {
		SavingsChart chart = SavingsChart.of(List.of(YearMonth.of(2026, 11), YearMonth.of(2026, 12)),
				List.of(new BigDecimal("100.00"), new BigDecimal("50.00")));
		assertThat(chart.bars().get(0).height()).isEqualTo(SavingsChart.PLOT);
		assertThat(chart.bars().get(1).height()).isEqualTo(SavingsChart.PLOT / 2);
		assertThat(chart.bars().get(1).y()).isEqualTo(SavingsChart.BASE - SavingsChart.PLOT / 2);
		assertThat(chart.top()).isEqualTo("100.00");
		assertThat(SavingsChart.of(List.of(YearMonth.of(2026, 12)), List.of(BigDecimal.ZERO)).bars().get(0).height())
			.as("nothing yet")
			.isZero();
	}

}
