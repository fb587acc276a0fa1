package cn.govcloud.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Reads the price lines of the import template's first sheet: row 1 is the header, every
 * further row not entirely blank is a line in columns A–F. A cell that cannot be read — a
 * formula, text where a price belongs, a date that is no date, an unknown billing unit —
 * is a problem named by its cell ({@code rows[12].D}, Excel's own numbering). Every line
 * then goes on to the rules of {@link PriceLineRules}, with such a cell left empty.
 */
final class PriceSheet {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The line property of each column, A to F. */
	static final List<String> COLUMNS = List.of("kind", "dimension", "billingUnit", "unitPrice", "effectiveFrom",
			"effectiveTo");

	private PriceSheet() {
	}

	/**
	 * The lines with the Excel row of each, and the cells that could not be read.
	 * @throws InvalidInputException on {@code file} when it is empty, too large, not an
	 * xlsx workbook, or holds more than {@link PriceLineRules#MAX_LINES} lines
	 */
	static Rows read(byte[] content) {
		try (Workbook book = open(content)) {
			return read(book.getSheetAt(0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Rows read(Sheet sheet) {
		List<Line> lines = new ArrayList<>();
		List<Integer> rowNumbers = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null || blank(row)) {
				continue;
			}
			if (lines.size() == PriceLineRules.MAX_LINES) {
				throw InvalidInputException.of("file", "price.lines.tooMany", PriceLineRules.MAX_LINES);
			}
			lines.add(new PriceSheetRow(row, problems).line());
			rowNumbers.add(r + 1);
		}
		return new Rows(lines, rowNumbers, problems);
	}

	private static Workbook open(byte[] content) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of("file", "price.import.empty");
		}
		if (content.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "price.import.size", MAX_BYTES / 1024 / 1024);
		}
		try (ByteArrayInputStream in = new ByteArrayInputStream(content)) {
			FileMagic magic = FileMagic.valueOf(FileMagic.prepareToCheckMagic(in));
			if (magic == FileMagic.OLE2) {
				throw InvalidInputException.of("file", "price.import.oldXls");
			}
			if (magic != FileMagic.OOXML) {
				throw InvalidInputException.of("file", "price.import.notXlsx");
			}
			Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content));
			if (book.getNumberOfSheets() == 0) {
				throw InvalidInputException.of("file", "price.import.notXlsx");
			}
			return book;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException invalid) {
				throw invalid;
			}
			// Not a workbook (another zip, a damaged file, a zip bomb POI refuses).
			throw InvalidInputException.of("file", "price.import.notXlsx");
		}
	}

	/** The names of a sheet's lines: the cell, {@code rows[12].D}. */
	static FieldNames names(List<Integer> rowNumbers) {
		return new FieldNames() {

			@Override
			public String field(int line, String property) {
				return cell(rowNumbers.get(line), COLUMNS.indexOf(property));
			}

			@Override
			public Object line(int line) {
				return new DefaultMessageSourceResolvable(new String[] { "price.ref.row" },
						new Object[] { String.valueOf(rowNumbers.get(line)) }, "rows[" + rowNumbers.get(line) + "]");
			}

		};
	}

	/** {@code rows[12].D}: Excel's row number and column letter. */
	static String cell(int excelRow, int column) {
		return "rows[" + excelRow + "]." + letter(column);
	}

	static String letter(int column) {
		return String.valueOf((char) ('A' + Math.max(column, 0)));
	}

	private static boolean blank(Row row) {
		for (int c = 0; c < COLUMNS.size(); c++) {
			Cell cell = row.getCell(c);
			if (cell != null && cell.getCellType() != CellType.BLANK
					&& !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What a sheet holds: a line for every row that is not blank (an unreadable cell left
	 * empty), the Excel row of each, and the cells that could not be read.
	 */
	record Rows(List<Line> lines, List<Integer> rowNumbers, List<FieldProblem> problems) {
	}

}
