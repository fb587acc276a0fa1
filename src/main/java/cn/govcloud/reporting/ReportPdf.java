package cn.govcloud.reporting;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import cn.govcloud.reporting.ReportContent.Figures;
import cn.govcloud.reporting.ReportContent.InstanceUsage;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.pdf.CjkFont;
import cn.govcloud.shared.pdf.PdfChart;
import cn.govcloud.shared.pdf.PdfDocument;
import cn.govcloud.shared.pdf.PdfTable;
import cn.govcloud.shared.pdf.PdfTable.Column;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A monthly report as PDF (Art. 12): a cover with the unit, month, supplier and
 * submission date, then the sections as the page shows them, from the stored figures,
 * with the charts drawn in the PDF. In the reader's language; names as typed.
 */
@Component
class ReportPdf {

	/** The most instances a chart shows (the busiest); the tables show all. */
	static final int CHART_BARS = 20;

	private final CjkFont font;

	private final MessageSource messages;

	ReportPdf(CjkFont font, MessageSource messages) {
		this.font = font;
		this.messages = messages;
	}

	byte[] write(ReportView view, Locale locale) {
		Text t = new Text(this.messages, locale);
		MonthlyReport r = view.report();
		ReportContent c = view.content();
		try (PdfDocument pdf = new PdfDocument(this.font, t::page)) {
			pdf.cover(t.m("report.pdf.title"), t.m("report.heading", r.period()),
					List.of(fact(t.m("report.number"), r.number()), fact(t.m("report.unit"), r.unitName()),
							fact(t.m("report.month"), r.period()), fact(t.m("report.supplier"), r.supplierName()),
							fact(t.m("report.pdf.versionLabel"),
									t.m("report.version", r.version()) + " · " + t.m("report.status." + r.status())),
							fact(t.m("report.dueOn"), r.dueOn().toString()),
							fact(t.m("report.submittedAt"),
									(r.submittedAt() != null)
											? java.time.LocalDate.ofInstant(r.submittedAt(), CityTime.ZONE).toString()
											: t.m("report.pdf.notSubmitted"))));
			utilisation(pdf, t, c.utilisation());
			ReportOperationsPdf.write(pdf, t, c.operations());
			pdf.heading("3. " + t.m("report.section.suggestions"));
			pdf.paragraph(t.m("report.thresholds"));
			c.suggestions()
				.forEach((s) -> pdf.paragraph("· " + t.m("report.suggestion." + s.code(), s.instanceName(),
						Text.percent(s.cpuP95()), Text.percent(s.memoryP95()))));
			pdf.paragraph(t.m("report.supplierSuggestions") + "：" + orNone(t, r.suggestions()));
			fees(pdf, t, c);
			pdf.heading("5. " + t.m("report.narrative"));
			pdf.paragraph(orNone(t, r.narrative()));
			return pdf.toBytes();
		}
	}

	private static void utilisation(PdfDocument pdf, Text t, List<InstanceUsage> lines) {
		pdf.heading("1. " + t.m("report.section.utilisation"));
		long idle = lines.stream().filter(InstanceUsage::idle).count();
		long hot = lines.stream().filter(InstanceUsage::hot).count();
		pdf.paragraph(t.m("report.pdf.usageSummary", lines.size(), idle, hot));
		if (lines.isEmpty()) {
			return;
		}
		List<InstanceUsage> busiest = lines.stream()
			.filter((u) -> u.cpu() != null)
			.sorted(Comparator.comparingDouble((InstanceUsage u) -> u.cpu().p95()).reversed())
			.limit(CHART_BARS)
			.toList();
		if (!busiest.isEmpty()) {
			List<String> names = busiest.stream().map(InstanceUsage::name).toList();
			pdf.chart(PdfChart.bars(t.m("report.pdf.cpuChart", CHART_BARS), names,
					busiest.stream().mapToDouble((u) -> u.cpu().p95() * 100).toArray(), Text::whole));
			pdf.chart(PdfChart.lines(t.m("report.pdf.cpuTrend"), names, Text::whole)
				.series(t.m("report.pdf.thisMonth"), busiest.stream().mapToDouble((u) -> u.cpu().avg() * 100).toArray())
				.series(t.m("report.pdf.monthBefore"),
						busiest.stream()
							.mapToDouble((u) -> (u.cpuBefore() != null) ? u.cpuBefore() * 100 : 0)
							.toArray()));
		}
		PdfTable table = PdfTable.of(Column.text(t.m("report.instance"), 1.3), Column.text(t.m("report.system"), 1.1),
				Column.text(t.m("report.spec"), 1.5), Column.number(t.m("report.pdf.cpu"), 1.7),
				Column.number(t.m("report.pdf.memory"), 1.7), Column.number(t.m("report.pdf.diskP95"), 0.8),
				Column.number(t.m("report.pdf.network"), 1.2), Column.number(t.m("report.pdf.before"), 1.1),
				Column.text(t.m("report.flags"), 0.8));
		for (InstanceUsage u : lines) {
			table.row(u.name(), u.systemName(), u.spec(), three(u.cpu()), three(u.memory()), p95(u.disk()),
					mbits(u.netIn()) + "/" + mbits(u.netOut()),
					Text.percent(u.cpuBefore()) + "/" + Text.percent(u.memoryBefore()), flags(t, u));
		}
		pdf.table(table);
	}

	private static void fees(PdfDocument pdf, Text t, ReportContent c) {
		pdf.heading("4. " + t.m("report.section.cost"));
		if (c.fees().isEmpty()) {
			pdf.paragraph(t.m("report.noFees"));
			return;
		}
		PdfTable table = PdfTable.of(Column.text(t.m("report.contract"), 2), Column.text(t.m("report.system"), 2),
				Column.number(t.m("report.amendments"), 1), Column.number(t.m("report.fee"), 1.5));
		c.fees()
			.forEach((f) -> table.row(f.contractNumber(), f.systemName(), Integer.toString(f.amendments()),
					Text.money(f.amount())));
		table.row(t.m("report.total"), "", "", Text.money(c.feeTotal()));
		pdf.table(table);
	}

	private static String orNone(Text t, String text) {
		return (text == null || text.isBlank()) ? t.m("common.none") : text;
	}

	static String[] fact(String label, String value) {
		return new String[] { label, (value != null) ? value : "" };
	}

	/** Average, P95 and maximum in percent, e.g. "5.0/7.5/9.0". */
	static String three(Figures f) {
		return (f != null) ? Text.percent(f.avg()) + "/" + Text.percent(f.p95()) + "/" + Text.percent(f.max()) : "—";
	}

	private static String flags(Text t, InstanceUsage u) {
		if (u.cpu() == null) {
			return t.m("report.noSamples");
		}
		return String.join(" ", u.idle() ? t.m("report.idle") : "", u.hot() ? t.m("report.hot") : "").strip();
	}

	private static String p95(Figures f) {
		return (f != null) ? Text.percent(f.p95()) : "—";
	}

	private static String mbits(Figures f) {
		return (f != null) ? String.format(Locale.ROOT, "%.2f", f.p95() / 1_000_000) : "—";
	}

	/** The reader's messages and the number formats the PDF writes. */
	record Text(MessageSource messages, Locale locale) {

		String m(String code, Object... args) {
			return this.messages.getMessage(code, args, code, this.locale);
		}

		String page(int page, int count) {
			return m("report.pdf.page", page, count);
		}

		/** A ratio as a percentage with one decimal, e.g. 0.05 as "5.0"; none as "—". */
		static String percent(Double ratio) {
			return (ratio != null) ? String.format(Locale.ROOT, "%.1f", ratio * 100) : "—";
		}

		static String whole(double value) {
			return String.format(Locale.ROOT, "%.0f", value);
		}

		static String money(BigDecimal amount) {
			return String.format(Locale.ROOT, "%,.2f", amount);
		}

	}

}
