package cn.govcloud.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A work order for the contract's supplier: provisioning (Art. 4; one per filed contract,
 * and one per amendment adding resources) or reclaim (Art. 9; per approved termination
 * and contract, or per amendment removing resources). A reclaim order's lines list the
 * instances to reclaim, {@code allowed} being how many.
 *
 * @param terminationId the termination a reclaim order carries out, if any
 */
record WorkOrder(UUID id, WorkOrderKind kind, UUID contractId, String contractNumber, UUID unitId, UUID supplierId,
		UUID systemId, String systemName, WorkOrderStatus status, Instant createdAt, Instant completedAt,
		Instant decidedAt, String rejectReason, UUID terminationId, List<WorkOrderLine> lines) {

	public WorkOrder withLines(List<WorkOrderLine> newLines) {
		return new WorkOrder(this.id, this.kind, this.contractId, this.contractNumber, this.unitId, this.supplierId,
				this.systemId, this.systemName, this.status, this.createdAt, this.completedAt, this.decidedAt,
				this.rejectReason, this.terminationId, newLines);
	}

}
