package cn.govcloud.security;

import java.time.Instant;
import java.util.UUID;

/**
 * One session the supplier's bastion host reports (Art. 17), checked against the grants.
 *
 * @param grantId the grant that covers it, or {@code null} for a violation
 */
public record AccessEvent(UUID id, UUID supplierId, UUID unitId, UUID instanceId, String instanceName, String person,
		Instant startedAt, Instant endedAt, String sourceAddress, String sessionId, UUID grantId, boolean violation,
		Instant recordedAt) {
}
