package cn.govcloud.finance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.finance.UnitBudget.ContractTotal;
import cn.govcloud.finance.UnitBudget.KindHolding;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetWorkbookTests {

	@Test
	void aSummarySheetAndOneSheetPerUnitWithNumbersAsNumbersAndFormulaLikeTextEscaped() throws IOException {
		UnitBudget unit = budget(UUID.randomUUID(), "=HYPERLINK(\"http://x\",\"单位\")", "+86 供应商");
		BudgetYear year = new BudgetYear(2026, budget(null, null, null), List.of(unit));
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(BudgetWorkbook.write(year, "全市 city")))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(2);
			Sheet summary = book.getSheetAt(0);
			assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("全市 city");
			assertThat(summary.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(7200.0);
			assertThat(summary.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(summary.getRow(2).getCell(0).getStringCellValue()).startsWith("'=HYPERLINK");
			// no data stays empty, never 0
			assertThat(summary.getRow(2).getCell(9).getCellType()).isEqualTo(CellType.BLANK);
			Sheet sheet = book.getSheetAt(1);
			assertThat(sheet.getSheetName()).doesNotContain("/", ":").hasSizeLessThanOrEqualTo(31);
			assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2.0);
			assertThat(sheet.getRow(7).getCell(1).getStringCellValue()).isEqualTo("'+86 供应商");
			assertThat(sheet.getRow(7).getCell(4).getNumericCellValue()).isEqualTo(7200.0);
		}
	}

	@Test
	void sheetNamesAreValidAndUniqueEvenWhenLongNamesShareTheirFirst31Characters() {
		Set<String> taken = new HashSet<>();
		String longName = "宜兴市某某某某某某某某某某某某某某某某某某某某某某某某某某某某某局";
		String first = BudgetWorkbook.sheetName(longName + "甲", taken);
		String second = BudgetWorkbook.sheetName(longName + "乙", taken);
		assertThat(first).hasSizeLessThanOrEqualTo(31);
		assertThat(second).hasSizeLessThanOrEqualTo(31).isNotEqualTo(first).endsWith("(2)");
		assertThat(BudgetWorkbook.sheetName("a/b:c?", taken)).doesNotContain("/", ":", "?");
	}

	private static UnitBudget budget(UUID id, String name, String supplier) {
		BigDecimal fees = new BigDecimal("7200.00");
		List<ContractTotal> contracts = (supplier == null) ? List.of()
				: List
					.of(new ContractTotal("HT2026-0001", supplier, LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28),
							fees, new BigDecimal("100.00"), new BigDecimal("7100.00"), new BigDecimal("1440.00")));
		return new UnitBudget(id, name, List.of(new KindHolding("CLOUD_HOST", 2, 2, 2)), 16, 16, 16, fees,
				new BigDecimal("100.00"), new BigDecimal("7100.00"), new BigDecimal("1440.00"), BigDecimal.ZERO, null,
				12.5, 40.0, null, null, new BigDecimal("3600.00"), contracts);
	}

}
