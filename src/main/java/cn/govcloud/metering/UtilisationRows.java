package cn.govcloud.metering;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * The utilisation page's table rows written in Java, for the template to insert with
 * {@code th:utext} (issue 13, ADR 0053). Fifty rows, each with a link, a name, a
 * dimension, three figures and a count, were 19 SpEL evaluations, a fragment insertion
 * and three {@code DecimalFormat}s per row: about half the page's server time. The markup
 * is the template's: names escaped as {@code th:text} escapes them, figures as the
 * template's {@code #numbers.formatDecimal(v, 1, 1)} formatted them (a ratio in percent,
 * bits per second in Mbit/s), the link as
 * {@code @{/utilisation/instances/{id}(period=…)}} builds it. The instance page's table
 * takes its figures from here too, so the rule is written once.
 */
final class UtilisationRows {

	private final DecimalFormat decimal;

	private final String linkStart;

	private final String linkEnd;

	private UtilisationRows(Locale locale, String contextPath, ChartPeriod period) {
		// #numbers.formatDecimal(v, 1, 1): at least one integer digit, exactly one
		// decimal, no grouping, the locale's symbols, DecimalFormat's half-even rounding
		this.decimal = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale));
		this.decimal.setGroupingUsed(false);
		this.linkStart = contextPath + "/utilisation/instances/";
		this.linkEnd = "?period=" + period;
	}

	/**
	 * Each row's average, p95 and highest value as three {@code td} elements, for a table
	 * that writes its other cells itself (the instance page).
	 */
	static List<String> figures(List<InstanceUtilisation> rows, Locale locale) {
		UtilisationRows writer = new UtilisationRows(locale, "", ChartPeriod.DAY);
		return rows.stream().map((row) -> {
			StringBuilder html = new StringBuilder(120);
			writer.cells(html, row);
			return html.toString();
		}).toList();
	}

	/** The table rows ({@code tr} elements) of {@code rows}, in their order. */
	static String html(List<InstanceUtilisation> rows, ChartPeriod period, String contextPath, Locale locale) {
		UtilisationRows writer = new UtilisationRows(locale, contextPath, period);
		StringBuilder html = new StringBuilder(rows.size() * 260);
		for (InstanceUtilisation row : rows) {
			writer.row(html, row);
		}
		return html.toString();
	}

	private void row(StringBuilder html, InstanceUtilisation row) {
		html.append("<tr><td class=\"label\"><a href=\"")
			.append(this.linkStart)
			.append(row.instanceId())
			.append(this.linkEnd)
			.append("\">")
			.append(escape(row.instanceName()))
			.append("</a></td><td class=\"label\">")
			.append(row.dimension().isEmpty() ? "—" : escape(row.dimension()))
			.append("</td>");
		cells(html, row);
		html.append("<td>").append(row.samples()).append("</td></tr>");
	}

	/**
	 * The average, p95 and highest value, ratios in percent, network in Mbit/s; a series
	 * without samples in the period has none of them ("—", never a figure).
	 */
	private void cells(StringBuilder html, InstanceUtilisation row) {
		if (row.samples() == 0) {
			html.append("<td>—</td><td>—</td><td>—</td>");
			return;
		}
		boolean ratio = row.metric().ratio();
		String unit = ratio ? "%" : " Mbit/s";
		double k = ratio ? 100 : 0.000001;
		for (double value : new double[] { row.avg(), row.p95(), row.max() }) {
			html.append("<td>").append(escape(this.decimal.format(value * k) + unit)).append("</td>");
		}
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
