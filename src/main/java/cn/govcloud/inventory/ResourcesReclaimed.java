package cn.govcloud.inventory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The supplier reclaimed every instance of a reclaim order (Art. 9); the contract's lines
 * ended with them.
 *
 * @param terminationId the termination the order carried out, if any
 * @param lastReclaimedOn the latest reclaim date of the order's instances
 * @param systemEmpty nothing of the system is left on the platform
 */
public record ResourcesReclaimed(UUID orderId, UUID terminationId, UUID contractId, UUID unitId, UUID supplierId,
		UUID systemId, LocalDate lastReclaimedOn, boolean systemEmpty) {
}
