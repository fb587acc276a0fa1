package cn.govcloud.security;

/** Where an access grant stands (Art. 17). */
public enum GrantStatus {

	/** Asked for by the supplier, awaiting the unit's decision. */
	REQUESTED,

	/** Approved by the unit: in force during its window. */
	APPROVED,

	/** Refused by the unit (for an emergency: refused after the fact). */
	REFUSED,

	/** Revoked early by the unit. */
	REVOKED,

	/**
	 * Emergency access for a P1 fault: in force at once, awaiting the unit's decision
	 * after the fact.
	 */
	EMERGENCY

}
