package cn.govcloud.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.pdf.CjkFont;
import cn.govcloud.shared.pdf.PdfChart;
import cn.govcloud.shared.pdf.PdfDocument;
import cn.govcloud.shared.pdf.PdfTable;
import cn.govcloud.shared.pdf.PdfTable.Column;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A supplier's assessment of a year as PDF (Art. 19): a cover with the score, the ratio
 * and the recommendation; the indicators with their measured value, points and weight as
 * used (re-normalised where an indicator has no data); a summary of the records behind
 * each; the adjustments with their reasons; each contract's payment due. The same figures
 * as the page, in the reader's language.
 */
@Component
class AssessmentPdf {

	private final CjkFont font;

	private final MessageSource messages;

	AssessmentPdf(CjkFont font, MessageSource messages) {
		this.font = font;
		this.messages = messages;
	}

	byte[] write(SupplierAssessment a, Locale locale) {
		try (PdfDocument pdf = new PdfDocument(this.font, (page, count) -> m(locale, "report.pdf.page", page, count))) {
			List<String[]> facts = new ArrayList<>();
			facts.add(new String[] { m(locale, "finance.supplier"), a.supplierName() });
			facts.add(new String[] { m(locale, "calendar.year"), Integer.toString(a.year()) });
			facts.add(new String[] { m(locale, "assessment.total"), number(a.score().total()) });
			facts.add(new String[] { m(locale, "assessment.ratio"),
					(a.ratioPercent() != null) ? a.ratioPercent() + " %" : m(locale, "finance.noData") });
			if (a.continues() != null) {
				facts.add(new String[] { m(locale, "assessment.recommendation"),
						m(locale, a.continues() ? "assessment.continue" : "assessment.doNotContinue") });
			}
			facts.add(new String[] { m(locale, "common.status"), (a.issued() != null)
					? m(locale, "assessment.status." + a.issued().status()) : m(locale, "assessment.notIssued") });
			facts.add(new String[] { m(locale, "report.pdf.printedOn"), CityTime.today().toString() });
			pdf.cover(m(locale, "assessment.title"), m(locale, "assessment.rulesVersion", a.rulesVersion()), facts);

			pdf.heading(m(locale, "assessment.indicator"));
			PdfTable lines = PdfTable.of(Column.text(m(locale, "assessment.dimension"), 1),
					Column.text(m(locale, "assessment.indicator"), 2), Column.number(m(locale, "assessment.value"), 1),
					Column.number(m(locale, "assessment.points"), 1),
					Column.number(m(locale, "assessment.effectiveWeight"), 1));
			List<String> labels = new ArrayList<>();
			List<Double> points = new ArrayList<>();
			for (ScoreCard.Line l : a.score().lines()) {
				String indicator = m(locale, "assessment.indicator." + l.indicator().code());
				lines.row(m(locale, "assessment.dimension." + l.indicator().dimension()), indicator,
						(l.value() != null) ? number(l.value()) : m(locale, "finance.noData"), number(l.points()),
						fixed(l.effectiveWeight()));
				if (l.points() != null) {
					labels.add(indicator);
					points.add(l.points());
				}
			}
			lines.row("", m(locale, "assessment.adjusted"), "", fixed(a.score().adjusted()), "");
			lines.row("", m(locale, "assessment.total"), "", number(a.score().total()), "");
			pdf.table(lines);
			if (!points.isEmpty()) {
				pdf.chart(PdfChart.bars(m(locale, "assessment.points"), labels,
						points.stream().mapToDouble(Double::doubleValue).toArray(), AssessmentPdf::fixed));
			}

			pdf.heading(m(locale, "assessment.records"));
			PdfTable records = PdfTable.of(Column.text(m(locale, "assessment.indicator"), 2),
					Column.text(m(locale, "assessment.records.group"), 2),
					Column.number(m(locale, "assessment.records.records"), 1),
					Column.number(m(locale, "assessment.value"), 1));
			for (Map.Entry<String, Drilldown> source : a.records().entrySet()) {
				for (Drilldown.Row row : source.getValue().rows()) {
					records.row(m(locale, "assessment.indicator." + source.getKey()),
							(row.labelCode() != null) ? m(locale, row.labelCode()) : row.label(),
							Long.toString(row.records()), number(row.value()));
				}
			}
			if (records.size() > 0) {
				pdf.table(records);
			}
			else {
				pdf.paragraph(m(locale, "finance.noData"));
			}

			if (!a.adjustments().isEmpty()) {
				pdf.heading(m(locale, "assessment.adjustments"));
				PdfTable adjustments = PdfTable.of(Column.number(m(locale, "assessment.adjustment.points"), 1),
						Column.text(m(locale, "assessment.adjustment.reason"), 4),
						Column.text(m(locale, "assessment.adjustment.by"), 1.5));
				for (StoredAdjustment adjustment : a.adjustments()) {
					adjustments.row(fixed(adjustment.points()), adjustment.reason(), adjustment.madeBy());
				}
				pdf.table(adjustments);
			}

			pdf.heading(m(locale, "assessment.contracts"));
			PdfTable contracts = PdfTable.of(Column.text(m(locale, "finance.contract"), 2),
					Column.number(m(locale, "finance.fees"), 1.5), Column.number(m(locale, "assessment.due"), 1.5));
			for (SupplierAssessment.ContractDue contract : a.contracts()) {
				contracts.row(contract.number(), money(contract.fees()),
						(contract.due() != null) ? money(contract.due()) : m(locale, "finance.noData"));
			}
			if (contracts.size() > 0) {
				pdf.table(contracts);
			}
			else {
				pdf.paragraph(m(locale, "common.none"));
			}
			return pdf.toBytes();
		}
	}

	private String m(Locale locale, String code, Object... args) {
		return this.messages.getMessage(code, args, code, locale);
	}

	private static String number(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.2f", value) : "—";
	}

	private static String fixed(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static String money(BigDecimal amount) {
		return (amount != null) ? String.format(Locale.ROOT, "%,.2f", amount) : "—";
	}

}
