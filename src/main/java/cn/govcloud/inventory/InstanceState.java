package cn.govcloud.inventory;

/**
 * The life of an instance: recorded by the supplier (provisioning), accepted by the unit
 * and billed (active), being reclaimed after a termination, reclaimed (billing stopped).
 */
public enum InstanceState {

	PROVISIONING, ACTIVE, RECLAIMING, RECLAIMED

}
