package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A stored recommendation as pages and the API show it.
 *
 * @param cpuFigure the mode's CPU figure (ratio 0..1), {@code null} if not measured
 * @param unitPrices the unit prices in force the saving was computed at, by billed
 * dimension
 */
public record RecommendationView(UUID id, UUID instanceId, String instanceName, UUID unitId, UUID supplierId,
		UUID systemId, String kind, LocalDate computedOn, Mode mode, Action action, Double cpuFigure,
		Double memoryFigure, int daysMeasured, boolean supplierToCheck, Map<String, Object> currentSpec,
		Map<String, Object> recommendedSpec, BigDecimal monthlySaving, BigDecimal yearlySaving,
		Map<String, BigDecimal> unitPrices) {
}
