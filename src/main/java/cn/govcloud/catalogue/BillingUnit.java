package cn.govcloud.catalogue;

/** What one unit of quantity is billed as, per month. */
public enum BillingUnit {

	VCPU_MONTH, GIB_MONTH, MBPS_MONTH, INSTANCE_MONTH

}
