package cn.govcloud.servicedesk;

/**
 * Where a ticket stands: open → acknowledged (the first response) → in progress ⇄ waiting
 * on the unit → resolved → closed (by the unit's confirmation, or by itself seven days
 * after resolution); a resolved ticket may be reopened within those seven days.
 */
enum TicketStatus {

	OPEN, ACKNOWLEDGED, IN_PROGRESS, WAITING_ON_UNIT, RESOLVED, CLOSED;

	/** The resolution clock still runs (or waits on the unit). */
	public boolean running() {
		return this != RESOLVED && this != CLOSED;
	}

}
