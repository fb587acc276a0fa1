package cn.govcloud.inventory;

import java.util.Map;
import java.util.UUID;

/**
 * For one system, kind and approved spec: how many instances were approved, contracted
 * (may be opened under filed contracts) and provisioned (recorded and not reclaimed).
 */
record SystemInventory(UUID systemId, String systemName, String kind, Map<String, Object> spec, long approved,
		long contracted, long provisioned) {
}
