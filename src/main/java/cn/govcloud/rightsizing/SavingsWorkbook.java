package cn.govcloud.rightsizing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import cn.govcloud.shared.SpreadsheetText;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The city's rightsizing savings as a workbook (Art. 8): one sheet per unit and month,
 * one of the city's months. Amounts are numeric cells; unit names go through
 * {@link SpreadsheetText#safe(String)}, since they are typed by people and must never
 * become formulas.
 */
final class SavingsWorkbook {

	private static final String[] UNITS = { "单位 unit", "未下达建议 open recommendations", "潜在每月节省 potential per month",
			"潜在每年节省 potential per year", "已实现每月节省 realised per month", "已实现每年节省 realised per year" };

	private SavingsWorkbook() {
	}

	static byte[] write(CitySavings savings) {
		try (Workbook book = new XSSFWorkbook()) {
			CellStyle money = book.createCellStyle();
			money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
			Sheet units = book.createSheet("按单位 by unit");
			Row head = units.createRow(0);
			for (int i = 0; i < UNITS.length; i++) {
				head.createCell(i).setCellValue(UNITS[i]);
			}
			for (int m = 0; m < savings.months().size(); m++) {
				head.createCell(UNITS.length + m).setCellValue("已实现 realised " + savings.months().get(m));
			}
			int r = 1;
			for (CitySavings.UnitSavings unit : savings.units()) {
				Row row = units.createRow(r++);
				row.createCell(0).setCellValue(SpreadsheetText.safe(unit.unitName()));
				row.createCell(1).setCellValue(unit.openRecommendations());
				amount(row, 2, unit.potentialMonthly(), money);
				amount(row, 3, unit.potentialMonthly().multiply(BigDecimal.valueOf(12)), money);
				amount(row, 4, unit.realisedMonthly(), money);
				amount(row, 5, unit.realisedMonthly().multiply(BigDecimal.valueOf(12)), money);
				for (int m = 0; m < unit.realisedByMonth().size(); m++) {
					amount(row, UNITS.length + m, unit.realisedByMonth().get(m), money);
				}
			}
			Row city = units.createRow(r);
			city.createCell(0).setCellValue("全市 city");
			city.createCell(1).setCellValue(savings.openRecommendations());
			amount(city, 2, savings.potentialMonthly(), money);
			amount(city, 3, savings.potentialYearly(), money);
			amount(city, 4, savings.realisedMonthly(), money);
			amount(city, 5, savings.realisedYearly(), money);
			for (int m = 0; m < savings.realisedByMonth().size(); m++) {
				amount(city, UNITS.length + m, savings.realisedByMonth().get(m), money);
			}
			units.setColumnWidth(0, 30 * 256);
			Sheet months = book.createSheet("按月 by month");
			Row monthsHead = months.createRow(0);
			monthsHead.createCell(0).setCellValue("月份 month");
			monthsHead.createCell(1).setCellValue("已实现节省 realised");
			for (int m = 0; m < savings.months().size(); m++) {
				Row row = months.createRow(m + 1);
				row.createCell(0).setCellValue(savings.months().get(m).toString());
				amount(row, 1, savings.realisedByMonth().get(m), money);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void amount(Row row, int column, BigDecimal value, CellStyle money) {
		var cell = row.createCell(column);
		cell.setCellValue(value.doubleValue());
		cell.setCellStyle(money);
	}

}
