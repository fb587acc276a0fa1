package cn.govcloud.termination;

/** The Commission's decision on a termination application (Art. 9). */
enum TerminationDecision {

	APPROVED, RETURNED

}
