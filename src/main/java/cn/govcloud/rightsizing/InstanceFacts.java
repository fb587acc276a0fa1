package cn.govcloud.rightsizing;

import java.util.List;
import java.util.Map;

import cn.govcloud.catalogue.SpecField;

/**
 * What a recommendation is computed from for one instance: whether it is ACTIVE, its spec
 * and its kind's spec fields, the prices of its billed dimensions, and its measured days.
 */
public record InstanceFacts(boolean active, Map<String, Object> spec, List<SpecField> fields, List<BilledPrice> prices,
		List<DailyUsage> days) {

	public InstanceFacts {
		spec = Map.copyOf(spec);
		fields = List.copyOf(fields);
		prices = List.copyOf(prices);
		days = List.copyOf(days);
	}

}
