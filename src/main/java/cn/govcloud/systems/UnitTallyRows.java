package cn.govcloud.systems;

import java.util.List;

import cn.govcloud.systems.RegisterOverview.UnitTally;

import org.springframework.web.util.HtmlUtils;

/**
 * The register overview's per-unit rows written in Java, for the template to insert with
 * {@code th:utext} (issue 13, ADR 0053). A page of 100 units, each with seven links and
 * ten cells, was about 2,000 SpEL evaluations and 700 link builds per view, the greater
 * part of the page's server time. The markup is the template's: the unit's name escaped
 * as {@code th:text} escapes it, each link as {@code @{/systems(unitId=…, status=…)}}
 * builds it (context path, {@code &amp;} between parameters), {@code alert} on a non-zero
 * overdue or lacking count as {@code th:classappend} adds it.
 */
final class UnitTallyRows {

	/** The status columns in their order on the page. */
	private static final String[] STATUSES = { "ON_PLATFORM", "MIGRATING", "LEGACY_SELF_HOSTED", "EXEMPT", "PLANNED",
			"OFFLINE" };

	private UnitTallyRows() {
	}

	/** The table rows ({@code tr} elements) of {@code units}, in their order. */
	static String html(List<UnitTally> units, String contextPath) {
		StringBuilder html = new StringBuilder(units.size() * 1100);
		String systems = contextPath + "/systems?unitId=";
		for (UnitTally unit : units) {
			String link = systems + unit.unitId();
			html.append("<tr data-unit=\"")
				.append(unit.unitId())
				.append("\"><th scope=\"row\"><a href=\"")
				.append(link)
				.append("\">")
				.append(HtmlUtils.htmlEscape(unit.unitName(), "UTF-8"))
				.append("</a></th>");
			long[] counts = { unit.onPlatform(), unit.migrating(), unit.legacySelfHosted(), unit.exempt(),
					unit.planned(), unit.offline() };
			for (int i = 0; i < STATUSES.length; i++) {
				html.append("<td data-status=\"")
					.append(STATUSES[i])
					.append("\"><a href=\"")
					.append(link)
					.append("&amp;status=")
					.append(STATUSES[i])
					.append("\">")
					.append(counts[i])
					.append("</a></td>");
			}
			html.append("<td>").append(unit.total()).append("</td>");
			alerted(html, unit.overdue());
			alerted(html, unit.lacking());
			html.append("</tr>");
		}
		return html.toString();
	}

	private static void alerted(StringBuilder html, long count) {
		html.append((count > 0) ? "<td class=\"alert\">" : "<td>").append(count).append("</td>");
	}

}
