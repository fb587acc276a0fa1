package cn.govcloud.catalogue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.SpreadsheetText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * Price lists as Excel: the template GovCloud gives out, the import that takes every line
 * or none (each bad cell reported with its row, column and reason), and the export, whose
 * text cells are escaped so that none is read as a formula.
 */
@Component
class PriceListWorkbook {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final String[] COLUMNS = { "kind", "dimension", "billingUnit", "unitPrice", "effectiveFrom", "effectiveTo" };

	private static final String[] HEADERS = { "资源种类代码 kind", "计费项 dimension", "计费单位 billing unit", "单价（元/月）unit price",
			"生效日期 from (yyyy-MM-dd)", "截止日期 to (可空 optional)" };

	private final ResourceKinds kinds;

	PriceListWorkbook(ResourceKinds kinds) {
		this.kinds = kinds;
	}

	/**
	 * The template: the header row, one example line, and a sheet listing what may be
	 * priced.
	 */
	byte[] template() {
		try (Workbook book = new XSSFWorkbook()) {
			Sheet prices = book.createSheet("prices");
			header(prices);
			Row example = prices.createRow(1);
			text(example, 0, "CLOUD_HOST");
			text(example, 1, "vcpu");
			text(example, 2, BillingUnit.VCPU_MONTH.name());
			example.createCell(3).setCellValue(45.00);
			text(example, 4, "2026-01-01");
			Sheet help = book.createSheet("kinds");
			int r = 0;
			for (ResourceKind kind : this.kinds.offered()) {
				for (String dimension : dimensions(kind)) {
					Row row = help.createRow(r++);
					text(row, 0, kind.code());
					text(row, 1, kind.nameZh() + " / " + kind.nameEn());
					text(row, 2, dimension);
				}
			}
			return bytes(book);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The readable lines of an uploaded workbook with the row of each, and the cells that
	 * could not be read (formulas, text prices, bad dates); the caller reports them with
	 * the lines' own problems.
	 */
	Rows read(byte[] content) {
		if (content == null || content.length == 0 || content.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "price.import.size", MAX_BYTES / 1024 / 1024);
		}
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = book.getSheetAt(0);
			List<Line> lines = new ArrayList<>();
			List<Integer> rowNumbers = new ArrayList<>();
			List<FieldProblem> problems = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null || blank(row)) {
					continue;
				}
				int before = problems.size();
				Line line = line(row, problems);
				if (problems.size() == before) {
					lines.add(line);
					rowNumbers.add(r + 1);
				}
			}
			return new Rows(lines, rowNumbers, problems);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw InvalidInputException.of("file", "price.import.notXlsx");
		}
	}

	/** The cell of a line's field, as problems name it: {@code rows[12].D}. */
	static String cell(int excelRow, String column) {
		int index = java.util.Arrays.asList(COLUMNS).indexOf(column);
		return "rows[" + excelRow + "]." + (char) ('A' + Math.max(index, 0));
	}

	byte[] export(List<PriceList> lists) {
		try (Workbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet("prices");
			Row head = sheet.createRow(0);
			String[] titles = { "供应商 supplier", "招标编号 tender", "中标日期 awarded", "说明 note", HEADERS[0], HEADERS[1],
					HEADERS[2], HEADERS[3], HEADERS[4], HEADERS[5] };
			for (int i = 0; i < titles.length; i++) {
				head.createCell(i).setCellValue(titles[i]);
			}
			CellStyle money = book.createCellStyle();
			money.setDataFormat(book.createDataFormat().getFormat("0.00"));
			int r = 1;
			for (PriceList list : lists) {
				for (PriceCap line : list.lines()) {
					Row row = sheet.createRow(r++);
					text(row, 0, list.supplierName());
					text(row, 1, list.tenderNumber());
					text(row, 2, list.awardedOn().toString());
					text(row, 3, list.note());
					text(row, 4, line.kind());
					text(row, 5, line.dimension());
					text(row, 6, line.billingUnit().name());
					Cell price = row.createCell(7);
					price.setCellValue(line.unitPrice().doubleValue());
					price.setCellStyle(money);
					text(row, 8, line.effectiveFrom().toString());
					text(row, 9, (line.effectiveTo() != null) ? line.effectiveTo().toString() : "");
				}
			}
			return bytes(book);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Line line(Row row, List<FieldProblem> problems) {
		int excelRow = row.getRowNum() + 1;
		int before = problems.size();
		for (int c = 0; c < COLUMNS.length; c++) {
			Cell cell = row.getCell(c);
			if (cell != null && cell.getCellType() == CellType.FORMULA) {
				problems.add(new FieldProblem(cell(excelRow, COLUMNS[c]), "price.import.formula", excelRow, letter(c)));
			}
		}
		if (problems.size() > before) {
			return new Line(null, null, null, null, null, null);
		}
		String kind = string(row.getCell(0));
		String dimension = string(row.getCell(1));
		BillingUnit unit = billingUnit(row.getCell(2), excelRow, problems);
		BigDecimal price = price(row.getCell(3), excelRow, problems);
		LocalDate from = date(row.getCell(4), excelRow, "effectiveFrom", problems);
		LocalDate to = date(row.getCell(5), excelRow, "effectiveTo", problems);
		return new Line(kind, dimension, unit, price, from, to);
	}

	/**
	 * What a workbook holds: readable lines, the Excel row of each, and the cells that
	 * could not be read.
	 */
	record Rows(List<Line> lines, List<Integer> rowNumbers, List<FieldProblem> problems) {
	}

	private static BillingUnit billingUnit(Cell cell, int excelRow, List<FieldProblem> problems) {
		String text = string(cell);
		try {
			return (text == null) ? null : BillingUnit.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(cell(excelRow, "billingUnit"), "price.billingUnit.unknown", text));
			return null;
		}
	}

	private static BigDecimal price(Cell cell, int excelRow, List<FieldProblem> problems) {
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return null;
		}
		if (cell.getCellType() != CellType.NUMERIC) {
			problems.add(new FieldProblem(cell(excelRow, "unitPrice"), "price.import.priceText", string(cell)));
			return BigDecimal.ONE;
		}
		return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros();
	}

	private static LocalDate date(Cell cell, int excelRow, String column, List<FieldProblem> problems) {
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return null;
		}
		if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate();
		}
		String text = string(cell);
		try {
			return (text == null) ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(cell(excelRow, column), "price.import.date", text));
			return null;
		}
	}

	private static String string(Cell cell) {
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return null;
		}
		if (cell.getCellType() == CellType.NUMERIC) {
			return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
		}
		String text = cell.getStringCellValue();
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static boolean blank(Row row) {
		for (int c = 0; c < COLUMNS.length; c++) {
			Cell cell = row.getCell(c);
			if (cell != null && cell.getCellType() != CellType.BLANK
					&& !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
				return false;
			}
		}
		return true;
	}

	private static List<String> dimensions(ResourceKind kind) {
		List<String> dimensions = new ArrayList<>();
		kind.fields()
			.stream()
			.filter((f) -> f.type() == SpecField.Type.INTEGER)
			.forEach((f) -> dimensions.add(f.name()));
		dimensions.add(PriceLineCheck.INSTANCE);
		return dimensions;
	}

	private static void header(Sheet sheet) {
		Row head = sheet.createRow(0);
		for (int i = 0; i < HEADERS.length; i++) {
			head.createCell(i).setCellValue(HEADERS[i]);
			sheet.setColumnWidth(i, 24 * 256);
		}
	}

	private static void text(Row row, int column, String value) {
		row.createCell(column).setCellValue(SpreadsheetText.safe((value != null) ? value : ""));
	}

	private static String letter(int column) {
		return String.valueOf((char) ('A' + column));
	}

	private static byte[] bytes(Workbook book) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		book.write(out);
		return out.toByteArray();
	}

}
