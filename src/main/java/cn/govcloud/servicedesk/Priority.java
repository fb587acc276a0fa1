package cn.govcloud.servicedesk;

/** How urgent a ticket is; each has a first-response and a resolution target. */
public enum Priority {

	/** A system is down or data is at risk. */
	P1,

	/** A system is badly degraded. */
	P2,

	/** A problem with a workaround. */
	P3,

	/** A question or a planned request. */
	P4

}
