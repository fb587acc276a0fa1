package cn.govcloud.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.govcloud.reporting.ReportContent.Operations;
import cn.govcloud.reporting.ReportContent.TicketLine;
import cn.govcloud.reporting.ReportPdf.Text;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.pdf.PdfChart;
import cn.govcloud.shared.pdf.PdfDocument;
import cn.govcloud.shared.pdf.PdfTable;
import cn.govcloud.shared.pdf.PdfTable.Column;

/**
 * The O&amp;M section of a report's PDF (Art. 12, 19): tickets by category and priority
 * with their attainment, the P1 faults, the changes, and the backups no module records
 * yet.
 */
final class ReportOperationsPdf {

	private ReportOperationsPdf() {
	}

	static void write(PdfDocument pdf, Text t, Operations o) {
		pdf.heading("2. " + t.m("report.section.operations"));
		tickets(pdf, t, o.tickets());
		pdf.paragraph(t.m("report.incidents"));
		if (o.incidents().isEmpty()) {
			pdf.paragraph(t.m("common.none"));
		}
		else {
			PdfTable incidents = PdfTable.of(Column.text(t.m("ticket.column.number"), 1.3),
					Column.text(t.m("ticket.column.title"), 2.5), Column.text(t.m("report.system"), 1.6),
					Column.text(t.m("ticket.column.opened"), 1.3), Column.number(t.m("report.pdf.resolvedMinutes"), 1),
					Column.text(t.m("report.breaches"), 0.6));
			o.incidents()
				.forEach((i) -> incidents.row(i.number(), i.title(), i.systemName(), CityTime.minutes(i.openedAt()),
						(i.resolutionMinutes() != null) ? i.resolutionMinutes().toString() : "—",
						i.breached() ? t.m("report.pdf.yes") : t.m("report.pdf.no")));
			pdf.table(incidents);
		}
		pdf.paragraph(t.m("report.changes"));
		PdfTable changes = PdfTable.of(Column.text(t.m("report.changes"), 3),
				Column.number(t.m("report.pdf.count"), 1));
		changes.row(t.m("report.newApplications"), Integer.toString(o.newApplications()))
			.row(t.m("report.changeApplications"), Integer.toString(o.changeApplications()))
			.row(t.m("report.approvedApplications"), Integer.toString(o.approvedApplications()))
			.row(t.m("report.amendments"), Integer.toString(o.amendments()))
			.row(t.m("report.provisioned"), Integer.toString(o.provisioned()))
			.row(t.m("report.reclaimed"), Integer.toString(o.reclaimed()));
		pdf.table(changes);
		ReportContent.Backups b = o.backups();
		pdf.paragraph(
				t.m("report.backups") + "："
						+ ((b != null)
								? t.m("report.backups.figures", b.instances(), b.periods(), b.met(), b.failed(),
										b.missed(), b.restoreTests(), b.restoreTestsFailed())
								: t.m("report.notYetRecorded")));
	}

	private static void tickets(PdfDocument pdf, Text t, List<TicketLine> lines) {
		pdf.paragraph(t.m("report.tickets"));
		if (lines.isEmpty()) {
			pdf.paragraph(t.m("report.noTickets"));
			return;
		}
		Map<String, Integer> byCategory = new LinkedHashMap<>();
		lines.forEach((l) -> byCategory.merge(t.m("ticket.category." + l.category()), l.tickets(), Integer::sum));
		pdf.chart(PdfChart.bars(t.m("report.pdf.ticketChart"), List.copyOf(byCategory.keySet()),
				byCategory.values().stream().mapToDouble(Integer::doubleValue).toArray(), Text::whole));
		PdfTable table = PdfTable.of(Column.text(t.m("ticket.category"), 1.3), Column.text(t.m("ticket.priority"), 1),
				Column.number(t.m("report.ticketCount"), 0.8), Column.number(t.m("report.respondedInTime"), 1.2),
				Column.number(t.m("report.resolvedInTime"), 1.2), Column.number(t.m("report.pdf.attainment"), 1),
				Column.number(t.m("report.breaches"), 0.7));
		for (TicketLine l : lines) {
			Integer attainment = l.resolutionAttainment();
			table.row(t.m("ticket.category." + l.category()), t.m("ticket.priority." + l.priority()),
					Integer.toString(l.tickets()), l.respondedInTime() + " / " + l.responded(),
					l.resolvedInTime() + " / " + l.resolved(), (attainment != null) ? attainment + "%" : "—",
					Integer.toString(l.breaches()));
		}
		pdf.table(table);
	}

}
