package cn.govcloud.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One instance in the supplier's cloud that the city pays for.
 *
 * @param activeFrom the day billing starts: the unit's acceptance, in city time
 */
public record Instance(UUID id, UUID workOrderId, UUID orderLineId, UUID unitId, UUID supplierId, UUID systemId,
		String systemName, String kind, String name, String cloudInstanceId, List<String> ipAddresses,
		Map<String, Object> spec, String zone, InstanceState state, LocalDate activeFrom) {
}
