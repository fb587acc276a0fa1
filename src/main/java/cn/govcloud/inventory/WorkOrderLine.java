package cn.govcloud.inventory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What may be opened for one approved application line of the contract: at most
 * {@code allowed} instances, each no bigger than {@code approvedSpec}.
 */
record WorkOrderLine(UUID id, int position, UUID applicationLineId, String kind, Map<String, Object> approvedSpec,
		int allowed, List<Instance> instances) {
}
