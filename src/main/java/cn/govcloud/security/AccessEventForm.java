package cn.govcloud.security;

import java.time.Instant;

/**
 * A session as the bastion host reports it.
 *
 * @param person who opened the session (the bastion host's account)
 * @param instance the instance: its GovCloud id or its name in the inventory
 * @param sessionId the bastion host's session id; a session reported again is kept once
 */
public record AccessEventForm(String person, String instance, Instant startedAt, Instant endedAt, String sourceAddress,
		String sessionId) {
}
