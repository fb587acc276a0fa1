package cn.govcloud.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.govcloud.shared.Page;
import cn.govcloud.shared.SortOrder;
import cn.govcloud.shared.Sortable;

/**
 * The units of a budget year as a list (ADR 0017): sorted in memory (a city has a few
 * hundred units at most) by the whitelisted fields, empty values last either way, units
 * in name order as the tie-breaker.
 */
final class BudgetList {

	/** The fields; the SQL columns are unused here, the whitelist is what counts. */
	static final Sortable SORTABLE = Sortable.by("name", "name")
		.field("unitName", "name")
		.field("fees", "fees")
		.field("paid", "paid")
		.field("outstanding", "outstanding")
		.field("committedNextYear", "committedNextYear")
		.field("feesChange", "feesChange")
		.field("cpuAvg", "cpuAvg")
		.field("memoryAvg", "memoryAvg")
		.field("feesPerUsedVcpu", "feesPerUsedVcpu")
		.field("provisionedVcpus", "provisionedVcpus");

	private static final Map<String, Function<UnitBudget, Comparable<?>>> FIELDS = Map.of("fees", UnitBudget::fees,
			"paid", UnitBudget::paid, "outstanding", UnitBudget::outstanding, "committedNextYear",
			UnitBudget::committedNextYear, "feesChange", UnitBudget::feesChange, "cpuAvg", UnitBudget::cpuAvg,
			"memoryAvg", UnitBudget::memoryAvg, "feesPerUsedVcpu", UnitBudget::feesPerUsedVcpu, "provisionedVcpus",
			UnitBudget::provisionedVcpus);

	private BudgetList() {
	}

	/**
	 * One page of the units (which come in the directory's name order) in {@code sort}'s
	 * order.
	 */
	static Page<UnitBudget> page(List<UnitBudget> units, String sort, int page, int size) {
		Page.Request request = Page.request(page, size, SORTABLE.parse(sort));
		List<UnitBudget> sorted = new ArrayList<>(units);
		SortOrder order = request.order();
		if (order != null && FIELDS.containsKey(order.field())) {
			sorted.sort(comparator(FIELDS.get(order.field()), order.ascending()));
		}
		else if (order != null && !order.ascending()) {
			Collections.reverse(sorted);
		}
		int from = Math.min(request.offset(), sorted.size());
		int to = Math.min(from + request.size(), sorted.size());
		return request.of(sorted.subList(from, to), sorted.size());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Comparator<UnitBudget> comparator(Function<UnitBudget, Comparable<?>> field, boolean ascending) {
		return (a, b) -> {
			Comparable x = field.apply(a);
			Comparable y = field.apply(b);
			if (x == null || y == null) {
				return (x == null) ? ((y == null) ? 0 : 1) : -1;
			}
			int compared = (x instanceof BigDecimal d) ? d.compareTo((BigDecimal) y) : x.compareTo(y);
			return ascending ? compared : -compared;
		};
	}

}
