package cn.govcloud.inventory;

import java.util.UUID;

/**
 * A supplier's instances changed: one was recorded, corrected, removed or reclaimed. Who
 * keeps a copy of the inventory (metering's instance matcher) reloads it.
 */
public record InstancesChanged(UUID supplierId) {
}
