package cn.govcloud.systems;

/** Where a unit's request for an exemption stands. */
enum ExemptionState {

	/** Waiting for the Commission. */
	PENDING,
	/** The Commission granted it: the system is exempt. */
	GRANTED,
	/** The Commission refused it, with a reason. */
	REFUSED,
	/** The system left self-hosting before the Commission decided. */
	WITHDRAWN

}
