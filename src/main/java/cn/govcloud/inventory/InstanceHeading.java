package cn.govcloud.inventory;

import java.util.UUID;

/** An instance as a page about it is headed: its names and whose it is. */
public record InstanceHeading(UUID id, String name, String cloudInstanceId, UUID unitId, String unitName, UUID systemId,
		String systemName) {
}
