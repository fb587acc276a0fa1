package cn.govcloud.contract;

/**
 * Where a contract stands (Art. 7): drafted, signed, submitted for filing, filed (or
 * returned with a reason), active during its term, ended after it.
 */
public enum ContractStatus {

	DRAFT, SIGNED, SUBMITTED, RETURNED, FILED, ACTIVE, ENDED;

	/** Its content may still change: before filing. */
	public boolean editable() {
		return this == DRAFT || this == SIGNED || this == RETURNED;
	}

	/** Filed with the Commission: in force for payments and amendments. */
	public boolean filed() {
		return this == FILED || this == ACTIVE || this == ENDED;
	}

}
