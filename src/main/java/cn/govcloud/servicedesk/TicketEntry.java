package cn.govcloud.servicedesk;

import java.time.Instant;

/** One line of a ticket's history: a step, a comment, or the supplier's internal note. */
record TicketEntry(Instant at, Kind kind, String step, String authorName, String text) {

	/** What the line is. */
	public enum Kind {

		STEP, COMMENT, INTERNAL_NOTE

	}

}
