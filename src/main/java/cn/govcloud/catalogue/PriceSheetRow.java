package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;

/**
 * One row of the import sheet, each cell read as its column expects: text for the kind
 * and dimension, a billing unit's name, a number for the price, a date cell or
 * {@code 2026-01-01} for the dates. A formula or an error value is never read, whatever
 * it would compute. Cells that cannot be read are added to {@code problems} and left
 * empty in the line.
 */
record PriceSheetRow(Row row, List<FieldProblem> problems) {

	/** Excel keeps 15 significant digits; a price is read as Excel shows it. */
	private static final MathContext EXCEL_DIGITS = new MathContext(15);

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu-M-d"),
			DateTimeFormatter.ofPattern("uuuu.M.d"));

	Line line() {
		for (int c = 0; c < PriceSheet.COLUMNS.size(); c++) {
			Cell cell = this.row.getCell(c);
			if (cell != null && cell.getCellType() == CellType.FORMULA) {
				refuse(c, "price.import.formula", String.valueOf(excelRow()), PriceSheet.letter(c),
						"=" + cell.getCellFormula());
			}
			else if (cell != null && cell.getCellType() == CellType.ERROR) {
				refuse(c, "price.import.unreadable", String.valueOf(excelRow()), PriceSheet.letter(c));
			}
		}
		return new Line(upper(text(0)), text(1), billingUnit(), price(), date(4), date(5));
	}

	private int excelRow() {
		return this.row.getRowNum() + 1;
	}

	private void refuse(int column, String code, Object... args) {
		this.problems.add(new FieldProblem(PriceSheet.cell(excelRow(), column), code, args));
	}

	private boolean readable(int column) {
		Cell cell = this.row.getCell(column);
		return cell != null && cell.getCellType() != CellType.BLANK && cell.getCellType() != CellType.FORMULA
				&& cell.getCellType() != CellType.ERROR;
	}

	private String text(int column) {
		if (!readable(column)) {
			return null;
		}
		Cell cell = this.row.getCell(column);
		String text = switch (cell.getCellType()) {
			case NUMERIC ->
				new BigDecimal(cell.getNumericCellValue()).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> cell.getStringCellValue();
		};
		return text.isBlank() ? null : text.strip();
	}

	private BillingUnit billingUnit() {
		String text = text(2);
		if (text == null) {
			return null;
		}
		try {
			return BillingUnit.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			refuse(2, "price.billingUnit.unknown", text);
			return null;
		}
	}

	private BigDecimal price() {
		if (!readable(3)) {
			return null;
		}
		Cell cell = this.row.getCell(3);
		if (cell.getCellType() != CellType.NUMERIC) {
			String text = text(3);
			if (text != null) {
				refuse(3, "price.import.priceText", text);
			}
			return null;
		}
		return new BigDecimal(cell.getNumericCellValue()).round(EXCEL_DIGITS).stripTrailingZeros();
	}

	private LocalDate date(int column) {
		if (!readable(column)) {
			return null;
		}
		Cell cell = this.row.getCell(column);
		if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate();
		}
		String text = text(column);
		if (text == null) {
			return null;
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		refuse(column, "price.import.date", text);
		return null;
	}

	private static String upper(String text) {
		return (text != null) ? text.toUpperCase(Locale.ROOT) : null;
	}

}
