package cn.govcloud.catalogue;

import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import org.springframework.context.MessageSource;

/**
 * The template's help sheet, in Chinese and English: how to fill in the sheet, what each
 * kind may be priced by (with the billing unit that fits), and the billing units.
 */
final class PriceTemplateHelp {

	private static final List<String> RULES = List.of("每行一个计费项：资源种类代码、计费项、计费单位、单价（元/月，最多两位小数）、生效日期、截止日期（空表示长期有效）。",
			"One billed item per row: kind code, dimension, billing unit, unit price (CNY per month, at most two decimals), in force from, until (empty = open-ended).",
			"单价填数字，不要填公式或文字；日期写成 2026-01-01。同一资源种类和计费项的期间不得重叠。",
			"Prices are numbers, never formulas or text; dates look like 2026-01-01. Periods of the same kind and dimension must not overlap.",
			"任何一行有误，整个文件都不会导入，页面会列出每个错误的行号、列和原因。",
			"If any row is wrong, nothing in the file is imported; every wrong cell is listed with its row, column and reason.");

	private final MessageSource messages;

	private final CellStyle header;

	PriceTemplateHelp(MessageSource messages, CellStyle header) {
		this.messages = messages;
		this.header = header;
	}

	void write(Sheet sheet, List<ResourceKind> kinds) {
		int r = 0;
		for (String rule : RULES) {
			PriceListWorkbook.text(sheet.createRow(r++), 0, rule);
		}
		r++;
		heading(sheet.createRow(r++), "资源种类代码 Kind code", "资源种类 Kind", "计费项 Dimension", "计费项名称 Dimension name",
				"计费单位 Billing unit");
		for (ResourceKind kind : kinds) {
			for (String dimension : PriceLineRules.dimensions(kind)) {
				Row row = sheet.createRow(r++);
				PriceListWorkbook.text(row, 0, kind.code());
				PriceListWorkbook.text(row, 1, kind.nameZh() + " / " + kind.nameEn());
				PriceListWorkbook.text(row, 2, dimension);
				PriceListWorkbook.text(row, 3, dimensionName(kind, dimension));
				PriceListWorkbook.text(row, 4, PriceLineRules.expectedUnit(kind, dimension).name());
			}
		}
		r++;
		heading(sheet.createRow(r++), "计费单位 Billing unit", "中文", "English");
		for (BillingUnit unit : BillingUnit.values()) {
			Row row = sheet.createRow(r++);
			PriceListWorkbook.text(row, 0, unit.name());
			PriceListWorkbook.text(row, 1, label(unit, Locale.SIMPLIFIED_CHINESE));
			PriceListWorkbook.text(row, 2, label(unit, Locale.ENGLISH));
		}
		for (int c = 0; c < 5; c++) {
			sheet.setColumnWidth(c, 28 * 256);
		}
	}

	private void heading(Row row, String... titles) {
		for (int i = 0; i < titles.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(titles[i]);
			cell.setCellStyle(this.header);
		}
	}

	private String dimensionName(ResourceKind kind, String dimension) {
		return kind.fields()
			.stream()
			.filter((field) -> field.name().equals(dimension))
			.map((field) -> field.labelZh() + " / " + field.labelEn())
			.findFirst()
			.orElse(this.messages.getMessage("price.dimension.instance", null, Locale.SIMPLIFIED_CHINESE) + " / "
					+ this.messages.getMessage("price.dimension.instance", null, Locale.ENGLISH));
	}

	private String label(BillingUnit unit, Locale locale) {
		return this.messages.getMessage("price.unit." + unit.name(), null, locale);
	}

}
