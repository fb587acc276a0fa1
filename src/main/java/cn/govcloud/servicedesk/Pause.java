package cn.govcloud.servicedesk;

import java.time.Instant;

/**
 * A stretch of time a clock does not count: the ticket waited on the unit, or stood
 * resolved until the unit reopened it.
 *
 * @param until {@code null} while the pause goes on
 */
public record Pause(Instant from, Instant until) {

	public boolean ongoing() {
		return this.until == null;
	}

}
