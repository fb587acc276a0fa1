package cn.govcloud.inventory;

import java.util.UUID;

/**
 * What to list of the inventory.
 *
 * @param text part of a name, an IP address or a cloud instance id
 */
public record InventoryFilter(String text, InstanceState state, UUID systemId) {
}
