package cn.govcloud.inventory;

import java.time.Instant;
import java.util.UUID;

/** A work order in a queue. */
record WorkOrderSummary(UUID id, WorkOrderKind kind, String contractNumber, String unitName, String supplierName,
		String systemName, WorkOrderStatus status, Instant createdAt) {
}
