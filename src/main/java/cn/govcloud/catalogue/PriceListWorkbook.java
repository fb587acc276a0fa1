package cn.govcloud.catalogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.govcloud.shared.SpreadsheetText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The workbooks GovCloud writes: the import template (headers in Chinese with English on
 * a second line, drop-downs, and a help sheet listing every kind's billed dimensions and
 * the billing units) and the export of price lists. Every text cell goes through
 * {@link SpreadsheetText#safe(String)}; prices are numeric cells shown to the fen.
 */
@Component
class PriceListWorkbook {

	/** Headers of the template's columns A–F, Chinese over English. */
	static final List<String> HEADERS = List.of("资源种类代码\nKind code", "计费项\nDimension", "计费单位\nBilling unit",
			"单价（元/月）\nUnit price (CNY per month)", "生效日期\nIn force from (yyyy-MM-dd)",
			"截止日期（空=长期）\nUntil (empty = open-ended)");

	private static final List<String> EXPORT_HEADERS = List.of("供应商\nSupplier", "招标编号\nTender number",
			"中标日期\nAwarded on", "说明\nNote", "资源种类代码\nKind code", "资源种类\nKind", "计费项\nDimension", "计费单位\nBilling unit",
			"单价（元/月）\nUnit price (CNY per month)", "生效日期\nIn force from", "截止日期\nUntil", "被取代\nSuperseded by");

	/** Rows of the template that get the drop-downs. */
	private static final int TEMPLATE_ROWS = 2000;

	private final ResourceKinds kinds;

	private final MessageSource messages;

	PriceListWorkbook(ResourceKinds kinds, MessageSource messages) {
		this.kinds = kinds;
		this.messages = messages;
	}

	byte[] template() {
		try (Workbook book = new XSSFWorkbook()) {
			Styles styles = new Styles(book);
			Sheet prices = book.createSheet("价格明细 prices");
			header(prices, HEADERS, styles);
			prices.setDefaultColumnStyle(3, styles.money);
			prices.setDefaultColumnStyle(4, styles.date);
			prices.setDefaultColumnStyle(5, styles.date);
			List<ResourceKind> offered = this.kinds.offered();
			dropDown(prices, 0, offered.stream().map(ResourceKind::code).toList());
			dropDown(prices, 1,
					offered.stream().flatMap((kind) -> PriceLineRules.dimensions(kind).stream()).distinct().toList());
			dropDown(prices, 2, List.of(BillingUnit.values()).stream().map(Enum::name).toList());
			new PriceTemplateHelp(this.messages, styles.header).write(book.createSheet("填写说明 help"), offered);
			return bytes(book);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	byte[] export(List<PriceList> lists, Locale locale) {
		Map<String, ResourceKind> byCode = this.kinds.all()
			.stream()
			.collect(Collectors.toMap(ResourceKind::code, Function.identity()));
		try (Workbook book = new XSSFWorkbook()) {
			Styles styles = new Styles(book);
			Sheet sheet = book.createSheet("招标单价 prices");
			header(sheet, EXPORT_HEADERS, styles);
			int r = 1;
			for (PriceList list : lists) {
				for (PriceLine line : list.lines()) {
					Row row = sheet.createRow(r++);
					text(row, 0, list.supplierName());
					text(row, 1, list.tenderNumber());
					date(row, 2, list.awardedOn(), styles);
					text(row, 3, list.note());
					text(row, 4, line.kind());
					ResourceKind kind = byCode.get(line.kind());
					text(row, 5, (kind != null) ? kind.name(locale) : line.kind());
					text(row, 6, line.dimension());
					text(row, 7, line.billingUnit().name());
					Cell price = row.createCell(8);
					price.setCellValue(line.unitPrice().doubleValue());
					price.setCellStyle(styles.money);
					date(row, 9, line.effectiveFrom(), styles);
					date(row, 10, line.effectiveTo(), styles);
					text(row, 11, line.cutShort() ? line.supersededBy().tenderNumber() : null);
				}
			}
			return bytes(book);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void header(Sheet sheet, List<String> titles, Styles styles) {
		Row head = sheet.createRow(0);
		head.setHeightInPoints(34);
		for (int i = 0; i < titles.size(); i++) {
			Cell cell = head.createCell(i);
			cell.setCellValue(titles.get(i));
			cell.setCellStyle(styles.header);
			sheet.setColumnWidth(i, 24 * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	/** A list to choose from, when Excel's limit of 255 characters allows one. */
	private static void dropDown(Sheet sheet, int column, List<String> values) {
		if (String.join(",", values).length() > 255) {
			return;
		}
		DataValidationHelper helper = sheet.getDataValidationHelper();
		var validation = helper.createValidation(helper.createExplicitListConstraint(values.toArray(String[]::new)),
				new CellRangeAddressList(1, TEMPLATE_ROWS, column, column));
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	static void text(Row row, int column, String value) {
		if (value != null) {
			row.createCell(column).setCellValue(SpreadsheetText.safe(value));
		}
	}

	private static void date(Row row, int column, java.time.LocalDate day, Styles styles) {
		if (day != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(day);
			cell.setCellStyle(styles.date);
		}
	}

	private static byte[] bytes(Workbook book) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		book.write(out);
		return out.toByteArray();
	}

	/** The cell styles of one workbook. */
	private static final class Styles {

		final CellStyle header;

		final CellStyle money;

		final CellStyle date;

		Styles(Workbook book) {
			Font bold = book.createFont();
			bold.setBold(true);
			this.header = book.createCellStyle();
			this.header.setFont(bold);
			this.header.setWrapText(true);
			this.money = book.createCellStyle();
			this.money.setDataFormat(book.createDataFormat().getFormat("0.00"));
			this.date = book.createCellStyle();
			this.date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
		}

	}

}
