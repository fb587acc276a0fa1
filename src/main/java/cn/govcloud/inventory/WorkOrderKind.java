package cn.govcloud.inventory;

/**
 * What a work order asks of the supplier: to open instances (a filed contract, or an
 * amendment adding resources; Art. 4) or to reclaim them (an approved termination, or an
 * amendment removing resources; Art. 9) or to resize them (a standing release order of
 * rightsizing; Art. 8).
 */
enum WorkOrderKind {

	PROVISION, RECLAIM, RESIZE

}
