package cn.govcloud.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The utilisation table's rows written in Java read as the template wrote them: the
 * figures as Thymeleaf formatted them with the templates' former markup (compared on
 * random values, halves and extremes, in both languages; a series without samples has
 * none, where Thymeleaf's {@code formatDecimal} threw on its NaN average), names and
 * dimensions escaped, the link with the period.
 */
class UtilisationRowsTests {

	private static final Pattern CELL = Pattern.compile("<td>([^<]*)</td>");

	@Test
	void figuresReadAsThymeleafFormatsThemInBothLanguages() {
		Random random = new Random(13);
		List<InstanceUtilisation> rows = new ArrayList<>();
		double[] edges = { 0, 0.00049, 0.0005, 0.0015, 0.0025, 0.99949, 0.9995, 1, 12.345, -0.0004, 1.25e9, 123456789.0,
				5e-8, 1e300 };
		for (Metric metric : Metric.values()) {
			for (double edge : edges) {
				rows.add(row(metric, "", edge, edge / 2, edge * 3, 1));
			}
			rows.add(row(metric, "", Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, 0));
			for (int i = 0; i < 300; i++) {
				double scale = metric.ratio() ? 1 : 1e10;
				rows.add(row(metric, "", random.nextDouble() * scale, random.nextDouble() * scale,
						Math.round(random.nextDouble() * 2000) / 2000.0 * scale, i));
			}
		}
		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			List<String> former = thymeleafCells(rows, locale);
			assertThat(cells(UtilisationRows.html(rows, ChartPeriod.WEEK, "", locale))).isEqualTo(former);
			// the instance page's figures, the same cells
			assertThat(cells(String.join("</tr>", UtilisationRows.figures(rows, locale)))).isEqualTo(former);
		}
	}

	@Test
	void aRowLinksToTheInstanceForThePeriodWithItsNameAndDimensionEscaped() {
		UUID id = UUID.fromString("00000000-0000-0000-0000-000000000007");
		String html = UtilisationRows.html(
				List.of(row(Metric.DISK, "/data<&>\"'", 0.5, 0.25, 0.75, 12),
						new InstanceUtilisation(id, "主机<1> & \"a\"", null, null, Metric.CPU, "", 0.2, 0.3, 0.6, 30)),
				ChartPeriod.WEEK, "/govcloud", Locale.SIMPLIFIED_CHINESE);
		assertThat(html).contains("<td class=\"label\">/data&lt;&amp;&gt;&quot;&#39;</td>")
			.contains("<tr><td class=\"label\"><a href=\"/govcloud/utilisation/instances/" + id
					+ "?period=WEEK\">主机&lt;1&gt; &amp; &quot;a&quot;</a></td><td class=\"label\">—</td>"
					+ "<td>20.0%</td><td>30.0%</td><td>60.0%</td><td>30</td></tr>");
		assertThat(UtilisationRows.html(List.of(), ChartPeriod.DAY, "", Locale.ENGLISH)).isEmpty();
		assertThat(UtilisationRows.html(
				List.of(row(Metric.NET_IN, "eth0", Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, 0)),
				ChartPeriod.DAY, "", Locale.ENGLISH))
			.endsWith("<td class=\"label\">eth0</td><td>—</td><td>—</td><td>—</td><td>0</td></tr>");
	}

	private static InstanceUtilisation row(Metric metric, String dimension, double avg, double p95, double max,
			long samples) {
		return new InstanceUtilisation(UUID.randomUUID(), "host", null, null, metric, dimension, avg, p95, max,
				samples);
	}

	/** The three figures of each row (the count, the fourth cell, left out). */
	private static List<String> cells(String html) {
		List<String> figures = new ArrayList<>();
		for (String tr : html.split("</tr>")) {
			Matcher cell = CELL.matcher(tr);
			for (int i = 0; i < 3 && cell.find(); i++) {
				figures.add(cell.group(1));
			}
		}
		return figures;
	}

	/**
	 * The figures as the templates wrote them before ADR 0053 (the fragment
	 * {@code metering/figures :: cells}, with its guard for a series without samples).
	 */
	private static final String FORMER_CELLS = """
			<table><tr th:each="r : ${rows}" th:with="unit=${r.metric.ratio()} ? '%' : ' Mbit/s', k=${r.metric.ratio()} ? 100 : 0.000001">
			  <th:block th:if="${r.samples > 0}">
			  <td th:text="${#numbers.formatDecimal(r.avg * k, 1, 1)} + ${unit}">0</td>
			  <td th:text="${#numbers.formatDecimal(r.p95 * k, 1, 1)} + ${unit}">0</td>
			  <td th:text="${#numbers.formatDecimal(r.max * k, 1, 1)} + ${unit}">0</td>
			  </th:block>
			  <th:block th:unless="${r.samples > 0}"><td>—</td><td>—</td><td>—</td></th:block>
			</tr></table>""";

	/** The same rows through the former markup, rendered by Thymeleaf with SpEL. */
	private static List<String> thymeleafCells(List<InstanceUtilisation> rows, Locale locale) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		String html = engine.process(FORMER_CELLS, new Context(locale, Map.of("rows", rows)));
		return cells(html.replaceAll(">\\s+<", "><"));
	}

}
