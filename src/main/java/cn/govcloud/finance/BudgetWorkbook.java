package cn.govcloud.finance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import cn.govcloud.finance.UnitBudget.ContractTotal;
import cn.govcloud.finance.UnitBudget.KindHolding;
import cn.govcloud.shared.SpreadsheetText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The budget round's workbook (Art. 18): a summary sheet (the city, then every unit) and
 * one sheet per unit with its holdings and contract totals. Amounts and counts are
 * numeric cells (the bureau adds them up); every text goes through
 * {@link SpreadsheetText#safe(String)}, since unit, supplier and contract names are typed
 * by people and must never become formulas.
 */
final class BudgetWorkbook {

	private static final String[] SUMMARY = { "单位 unit", "合同费用 fees", "已付 paid", "未付 outstanding",
			"次年已承诺 committed next year", "上年费用 fees last year", "同比 % change", "CPU 平均 % avg", "CPU p95 %",
			"内存平均 % memory avg", "内存 p95 % memory p95", "已开通 vCPU provisioned", "每实用 vCPU 费用 fees per used vCPU" };

	private static final String[] HOLDINGS = { "资源种类 kind", "已批复 approved", "已签约 contracted", "已开通 provisioned" };

	private static final String[] CONTRACTS = { "合同 contract", "供应商 supplier", "起 from", "止 to", "费用 fees", "已付 paid",
			"未付 outstanding", "次年已承诺 committed next year" };

	private BudgetWorkbook() {
	}

	static byte[] write(BudgetYear year, String cityName) {
		try (Workbook book = new XSSFWorkbook()) {
			CellStyle money = book.createCellStyle();
			money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
			Sheet summary = book.createSheet(year.year() + " 汇总 summary");
			header(summary.createRow(0), SUMMARY);
			summaryRow(summary.createRow(1), year.city(), cityName, money);
			int r = 2;
			Set<String> names = new HashSet<>();
			for (UnitBudget unit : year.units()) {
				summaryRow(summary.createRow(r++), unit, unit.unitName(), money);
				unitSheet(book.createSheet(sheetName(unit.unitName(), names)), unit, money);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void summaryRow(Row row, UnitBudget unit, String name, CellStyle money) {
		text(row, 0, name);
		Object[] values = { unit.fees(), unit.paid(), unit.outstanding(), unit.committedNextYear(), unit.previousFees(),
				unit.feesChange(), unit.cpuAvg(), unit.cpuP95(), unit.memoryAvg(), unit.memoryP95(),
				unit.provisionedVcpus(), unit.feesPerUsedVcpu() };
		for (int i = 0; i < values.length; i++) {
			number(row, i + 1, values[i], money);
		}
	}

	private static void unitSheet(Sheet sheet, UnitBudget unit, CellStyle money) {
		text(sheet.createRow(0), 0, unit.unitName());
		header(sheet.createRow(2), HOLDINGS);
		int r = 3;
		for (KindHolding holding : unit.holdings()) {
			Row row = sheet.createRow(r++);
			text(row, 0, holding.kind());
			number(row, 1, holding.approved(), money);
			number(row, 2, holding.contracted(), money);
			number(row, 3, holding.provisioned(), money);
		}
		Row vcpus = sheet.createRow(r++);
		text(vcpus, 0, "vCPU");
		number(vcpus, 1, unit.approvedVcpus(), money);
		number(vcpus, 2, unit.contractedVcpus(), money);
		number(vcpus, 3, unit.provisionedVcpus(), money);
		header(sheet.createRow(++r), CONTRACTS);
		for (ContractTotal contract : unit.contracts()) {
			Row row = sheet.createRow(++r);
			text(row, 0, contract.number());
			text(row, 1, contract.supplierName());
			text(row, 2, contract.termStart().toString());
			text(row, 3, contract.termEnd().toString());
			number(row, 4, contract.fees(), money);
			number(row, 5, contract.paid(), money);
			number(row, 6, contract.outstanding(), money);
			number(row, 7, contract.committedNextYear(), money);
		}
		for (int i = 0; i < CONTRACTS.length; i++) {
			sheet.setColumnWidth(i, 20 * 256);
		}
	}

	private static void header(Row row, String[] titles) {
		for (int i = 0; i < titles.length; i++) {
			row.createCell(i).setCellValue(titles[i]);
		}
		row.getSheet().setColumnWidth(0, 30 * 256);
	}

	/** A numeric cell; amounts with two decimals; no data stays an empty cell. */
	private static void number(Row row, int column, Object value, CellStyle money) {
		Cell cell = row.createCell(column);
		if (value instanceof BigDecimal amount) {
			cell.setCellValue(amount.doubleValue());
			cell.setCellStyle(money);
		}
		else if (value instanceof Number number) {
			cell.setCellValue(number.doubleValue());
		}
	}

	private static void text(Row row, int column, String value) {
		row.createCell(column).setCellValue(SpreadsheetText.safe((value != null) ? value : ""));
	}

	/** A valid sheet name (31 characters, no []:*?/\), unique in the workbook. */
	static String sheetName(String unitName, Set<String> taken) {
		String base = WorkbookUtil.createSafeSheetName(SpreadsheetText.safe(unitName));
		String name = base;
		for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
			String suffix = " (" + n + ")";
			name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
		}
		return name;
	}

}
