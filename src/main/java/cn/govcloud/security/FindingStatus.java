package cn.govcloud.security;

/** Where a finding's rectification stands (Art. 14). */
public enum FindingStatus {

	/** Awaiting the responsible party's rectification (again after a return). */
	OPEN,

	/** The responsible party said what it did; awaiting the Commission's verification. */
	RESPONDED,

	/** Verified by the Commission. Closed, never deleted. */
	CLOSED

}
