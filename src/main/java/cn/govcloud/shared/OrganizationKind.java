package cn.govcloud.shared;

/** The four kinds of organisation that use GovCloud (Art. 4, 18). */
public enum OrganizationKind {

	/** 市经信委: plans, reviews, supervises. Exactly one. */
	COMMISSION,
	/** 使用单位: a government department using cloud resources. */
	UNIT,
	/** 供应商: the cloud provider chosen by procurement. */
	SUPPLIER,
	/** 财政部门: reads usage as a basis for budgets (Art. 18). */
	FINANCE_BUREAU

}
