package cn.govcloud.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.SpreadsheetText;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The audit trail as an Excel workbook for the audit administrator, newest first, with
 * the same filters as the search. Rows stream through a {@link SXSSFWorkbook} (only a
 * window of rows in memory) from pages of {@value #PAGE_SIZE} records. Every text cell
 * goes through {@link SpreadsheetText#safe(String)}: audit records carry text typed by
 * anyone, and a cell starting with {@code =} must never become a formula.
 */
@Service
class AuditExport {

	/** The content type of the workbook. */
	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final int PAGE_SIZE = 5_000;

	/** Excel's row limit, less the header row and the note that the list goes on. */
	static final int MAX_RECORDS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 2;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS xxx");

	private static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	static final List<String> HEADERS = List.of("audit.seq", "audit.time", "audit.actor", "audit.organization",
			"audit.action", "audit.target", "audit.outcome", "audit.clientAddress", "audit.detail", "audit.hash");

	private static final int[] WIDTHS = { 10, 30, 16, 24, 24, 40, 10, 18, 60, 66 };

	private final AuditEventRepository repository;

	private final AuditTrail trail;

	private final MessageSource messages;

	AuditExport(AuditEventRepository repository, AuditTrail trail, MessageSource messages) {
		this.repository = repository;
		this.trail = trail;
		this.messages = messages;
	}

	/**
	 * Writes the matching records as an xlsx workbook with headers in {@code locale}, and
	 * records the export in the trail ({@code audit.export}) before the file leaves.
	 * @param destination opened only once every row is in place, so a failure before
	 * leaves the response untouched for an error answer
	 * @return how many records were written
	 */
	public int write(AuditFilter filter, Locale locale, Destination destination) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			workbook.setCompressTempFiles(true);
			SXSSFSheet sheet = workbook.createSheet(text("nav.audit", locale));
			header(sheet.createRow(0), locale);
			int rows = 0;
			Long before = null;
			boolean more = true;
			while (more) {
				List<AuditRecord> page = this.repository.searchBefore(filter, before, PAGE_SIZE);
				for (AuditRecord record : page) {
					if (rows == MAX_RECORDS) {
						sheet.createRow(rows + 1).createCell(0).setCellValue(text("audit.export.truncated", locale));
						more = false;
						break;
					}
					row(sheet.createRow(++rows), record, locale);
				}
				more = more && page.size() == PAGE_SIZE;
				before = page.isEmpty() ? before : page.get(page.size() - 1).seq();
			}
			this.trail.record("audit.export", "audit_event", AuditOutcome.SUCCESS,
					filter.describe() + ", rows=" + rows);
			workbook.write(destination.open());
			return rows;
		}
	}

	/** Where the finished workbook goes, e.g. an HTTP response's body. */
	@FunctionalInterface
	public interface Destination {

		OutputStream open() throws IOException;

	}

	private void header(Row row, Locale locale) {
		for (int i = 0; i < HEADERS.size(); i++) {
			row.createCell(i).setCellValue(text(HEADERS.get(i), locale));
			row.getSheet().setColumnWidth(i, WIDTHS[i] * 256);
		}
		row.getSheet().createFreezePane(0, 1);
	}

	private void row(Row row, AuditRecord record, Locale locale) {
		row.createCell(0).setCellValue(record.seq());
		cell(row, 1, TIME.format(record.occurredAt().atZone(CityTime.ZONE)));
		cell(row, 2, record.actor());
		cell(row, 3, record.organization());
		cell(row, 4, record.action());
		cell(row, 5, record.target());
		cell(row, 6, text("audit.outcome." + record.outcome(), locale));
		cell(row, 7, record.clientAddress());
		cell(row, 8, record.detail());
		cell(row, 9, record.hash());
	}

	private static void cell(Row row, int column, String value) {
		if (value != null) {
			String safe = SpreadsheetText.safe(value);
			row.createCell(column)
				.setCellValue((safe.length() > MAX_CELL_TEXT) ? safe.substring(0, MAX_CELL_TEXT) : safe);
		}
	}

	private String text(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

}
