package cn.govcloud.inventory;

import java.time.Instant;
import java.util.UUID;

/** A work order in a queue. */
public record WorkOrderSummary(UUID id, WorkOrderKind kind, String contractNumber, String unitName, String supplierName,
		String systemName, WorkOrderStatus status, Instant createdAt) {
}
