package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * One instance of a release order: what was recommended for it and what is ordered — a
 * new spec, or {@code null} for a release — and the monthly saving at the unit prices the
 * recommendation was computed at.
 */
public record OrderLine(int position, UUID recommendationId, UUID instanceId, String instanceName, String kind,
		Action action, Map<String, Object> currentSpec, Map<String, Object> orderedSpec,
		Map<String, BigDecimal> unitPrices, BigDecimal monthlySaving) {

	/** The monthly saving of these lines. */
	static BigDecimal total(java.util.List<OrderLine> lines) {
		return lines.stream().map(OrderLine::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** The same line with a new spec the Commission decided, saved at the same prices. */
	OrderLine modified(Map<String, Object> spec) {
		return new OrderLine(this.position, this.recommendationId, this.instanceId, this.instanceName, this.kind,
				this.action, this.currentSpec, spec, this.unitPrices,
				Savings.monthly(this.currentSpec, spec, this.unitPrices));
	}

}
