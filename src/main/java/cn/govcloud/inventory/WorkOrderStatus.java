package cn.govcloud.inventory;

/**
 * Where a provisioning work order stands (Art. 4): open while the supplier records
 * instances, completed when the supplier says everything is open, accepted by the unit (a
 * rejection reopens it with the unit's reason).
 */
enum WorkOrderStatus {

	OPEN, COMPLETED, ACCEPTED

}
