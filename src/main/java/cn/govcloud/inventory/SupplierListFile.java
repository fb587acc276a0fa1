package cn.govcloud.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.govcloud.shared.CsvText;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A supplier's inventory list: CSV (UTF-8, header
 * {@code name,ip,cloud_instance_id,kind,vcpu,memory_gib,disk_gib,zone}) or an xlsx
 * workbook whose first sheet has the same columns. Several IP addresses of one instance
 * are separated by {@code ;}. Every row is read or none: each bad cell is reported as
 * {@code rows[N].C} (Excel's row and column).
 */
final class SupplierListFile {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final List<String> COLUMNS = List.of("name", "ip", "cloud_instance_id", "kind", "vcpu", "memory_gib",
			"disk_gib", "zone");

	private SupplierListFile() {
	}

	static List<ListedInstance> read(String fileName, byte[] content) {
		if (content == null || content.length == 0 || content.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "reconciliation.file.size", MAX_BYTES / 1024 / 1024);
		}
		boolean xlsx = (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"))
				|| (content.length > 1 && content[0] == 'P' && content[1] == 'K');
		List<List<String>> rows = xlsx ? workbook(content) : CsvText.rows(content);
		if (rows.isEmpty() || !CsvText.header(rows.get(0)).equals(COLUMNS)) {
			throw InvalidInputException.of("file", "reconciliation.file.header", String.join(",", COLUMNS));
		}
		List<ListedInstance> listed = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> cells = rows.get(r);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			ListedInstance row = new RowCheck(r + 1, cells, problems).instance();
			if (row != null && !ids.add(row.cloudInstanceId())) {
				problems.add(new FieldProblem(cell(r + 1, 2), "reconciliation.row.duplicate", row.cloudInstanceId()));
			}
			listed.add(row);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return listed;
	}

	static String cell(int row, int column) {
		return "rows[" + row + "]." + (char) ('A' + column);
	}

	private static List<List<String>> workbook(byte[] content) {
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = book.getSheetAt(0);
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				String[] cells = new String[COLUMNS.size()];
				Arrays.fill(cells, "");
				for (int c = 0; row != null && c < cells.length; c++) {
					cells[c] = text(row.getCell(c));
				}
				rows.add(Arrays.asList(cells));
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			throw InvalidInputException.of("file", "reconciliation.file.unreadable");
		}
	}

	/** A formula is kept as {@code =…}, which the row check refuses. */
	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case NUMERIC ->
				new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
			case STRING -> cell.getStringCellValue();
			case FORMULA -> "=" + cell.getCellFormula();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> (cell.getCellType() == CellType.BLANK) ? "" : cell.toString();
		};
	}

}
