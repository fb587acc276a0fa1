package cn.govcloud.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A provisioning work order (Art. 4): one per filed contract, for its supplier. */
public record WorkOrder(UUID id, UUID contractId, String contractNumber, UUID unitId, UUID supplierId, UUID systemId,
		String systemName, WorkOrderStatus status, Instant createdAt, Instant completedAt, Instant decidedAt,
		String rejectReason, List<WorkOrderLine> lines) {
}
