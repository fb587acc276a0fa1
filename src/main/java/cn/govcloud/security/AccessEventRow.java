package cn.govcloud.security;

import java.time.Instant;
import java.util.UUID;

/** An access event in a list, with the grant that covers it (none: a violation). */
public record AccessEventRow(UUID id, String unitName, String supplierName, String instanceName, String person,
		Instant startedAt, Instant endedAt, String sourceAddress, String sessionId, UUID grantId, String grantNumber,
		boolean violation) {
}
