package cn.govcloud.reporting;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import cn.govcloud.reporting.ReportPdf.Text;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.pdf.CjkFont;
import cn.govcloud.shared.pdf.PdfChart;
import cn.govcloud.shared.pdf.PdfDocument;
import cn.govcloud.shared.pdf.PdfTable;
import cn.govcloud.shared.pdf.PdfTable.Column;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The city report of a month as PDF (Art. 12, for the Commission): a cover, the fees by
 * unit as a chart, the table of units with their sum, and the backups of the units that
 * recorded them (Art. 16), from the same rows as the page.
 */
@Component
class CityReportPdf {

	private final CjkFont font;

	private final MessageSource messages;

	CityReportPdf(CjkFont font, MessageSource messages) {
		this.font = font;
		this.messages = messages;
	}

	byte[] write(YearMonth month, List<CityReport.Row> rows, Locale locale) {
		Text t = new Text(this.messages, locale);
		CityReport.Row total = CityReport.total(rows);
		try (PdfDocument pdf = new PdfDocument(this.font, t::page)) {
			pdf.cover(t.m("report.pdf.cityTitle"), t.m("report.city.heading", month.toString()),
					List.of(ReportPdf.fact(t.m("report.month"), month.toString()),
							ReportPdf.fact(t.m("report.pdf.reports"), Integer.toString(rows.size())),
							ReportPdf.fact(t.m("report.city.instances"), Integer.toString(total.instances())),
							ReportPdf.fact(t.m("report.fee"), Text.money(total.fees())),
							ReportPdf.fact(t.m("report.pdf.printedOn"), CityTime.today().toString())));
			pdf.heading(t.m("report.city.title"));
			if (rows.isEmpty()) {
				pdf.paragraph(t.m("report.city.none"));
				return pdf.toBytes();
			}
			List<CityReport.Row> costliest = rows.stream()
				.sorted(Comparator.comparing(CityReport.Row::fees).reversed())
				.limit(ReportPdf.CHART_BARS)
				.toList();
			pdf.chart(PdfChart.bars(t.m("report.pdf.feeChart", ReportPdf.CHART_BARS),
					costliest.stream().map(CityReport.Row::unitName).toList(),
					costliest.stream().mapToDouble((r) -> r.fees().doubleValue()).toArray(), Text::whole));
			PdfTable table = PdfTable.of(Column.text(t.m("report.unit"), 2), Column.text(t.m("report.supplier"), 1.6),
					Column.text(t.m("common.status"), 0.9), Column.number(t.m("report.city.instances"), 0.8),
					Column.number(t.m("report.idle"), 0.7), Column.number(t.m("report.hot"), 0.7),
					Column.number(t.m("report.ticketCount"), 0.7), Column.number(t.m("report.breaches"), 0.7),
					Column.number(t.m("report.incidents"), 0.7), Column.number(t.m("report.pdf.changes"), 1),
					Column.number(t.m("report.fee"), 1.3));
			for (CityReport.Row r : rows) {
				table.row(cells(r.unitName(), r.supplierName(), t.m("report.status." + r.status()), r));
			}
			table.row(cells(t.m("report.total"), "", "", total));
			pdf.table(table);
			backups(pdf, t, rows, total);
			return pdf.toBytes();
		}
	}

	/**
	 * The city's backups (Art. 16): the sum in a sentence as each unit's report says it,
	 * then each report that recorded backups.
	 */
	private static void backups(PdfDocument pdf, Text t, List<CityReport.Row> rows, CityReport.Row total) {
		pdf.heading(t.m("report.city.backupsByUnit"));
		ReportContent.Backups sum = total.backups();
		pdf.paragraph(t.m("report.backups") + "："
				+ ((sum != null)
						? t.m("report.backups.figures", sum.instances(), sum.periods(), sum.met(), sum.failed(),
								sum.missed(), sum.restoreTests(), sum.restoreTestsFailed())
						: t.m("report.notYetRecorded")));
		if (sum == null) {
			return;
		}
		PdfTable table = PdfTable.of(Column.text(t.m("report.unit"), 2), Column.text(t.m("report.supplier"), 1.6),
				Column.number(t.m("report.city.backupInstances"), 1), Column.number(t.m("backup.column.expected"), 0.8),
				Column.number(t.m("backup.column.met"), 0.8), Column.number(t.m("report.city.backupFailed"), 0.7),
				Column.number(t.m("report.city.backupMissed"), 0.7),
				Column.number(t.m("report.city.restoreTests"), 0.8),
				Column.number(t.m("report.city.restoreTestsFailed"), 0.8));
		for (CityReport.Row r : rows) {
			if (r.backups() != null) {
				table.row(backupCells(r.unitName(), r.supplierName(), r.backups()));
			}
		}
		table.row(backupCells(t.m("report.total"), "", sum));
		pdf.table(table);
	}

	private static String[] backupCells(String unit, String supplier, ReportContent.Backups b) {
		return new String[] { unit, supplier, Integer.toString(b.instances()), Integer.toString(b.periods()),
				Integer.toString(b.met()), Integer.toString(b.failed()), Integer.toString(b.missed()),
				Integer.toString(b.restoreTests()), Integer.toString(b.restoreTestsFailed()) };
	}

	private static String[] cells(String unit, String supplier, String status, CityReport.Row r) {
		return new String[] { unit, supplier, status, Integer.toString(r.instances()), Integer.toString(r.idle()),
				Integer.toString(r.hot()), Integer.toString(r.tickets()), Integer.toString(r.breaches()),
				Integer.toString(r.incidents()), (r.provisioned() + " / " + r.reclaimed() + " / " + r.amendments()),
				Text.money(r.fees()) };
	}

}
