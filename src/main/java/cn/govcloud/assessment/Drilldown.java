package cn.govcloud.assessment;

import java.util.List;

import cn.govcloud.shared.Permission;

/**
 * An indicator's value with the records behind it (Art. 19: the score is computed from
 * the records, with a drill-down from every indicator to them).
 *
 * @param link the page listing those records
 * @param permission the permission that page asks for (the link shows to those who hold
 * it)
 * @param rows the records grouped (by month, unit, survey or kind)
 */
public record Drilldown(double value, String link, Permission permission, List<Row> rows) {

	public Drilldown {
		rows = List.copyOf(rows);
	}

	/**
	 * One group of the records behind a value.
	 *
	 * @param labelCode a message code for the label, or null when the label is a name
	 * @param records how many records
	 * @param value their figure, or null where the count is the figure
	 */
	public record Row(String label, String labelCode, long records, Double value) {
	}

}
