package cn.govcloud.inventory;

import java.util.UUID;

/**
 * An instance as other modules scope their own records by it: whose it is (unit,
 * supplier, system) and its name.
 */
public record OwnedInstance(UUID id, String name, UUID unitId, UUID supplierId, UUID systemId) {
}
