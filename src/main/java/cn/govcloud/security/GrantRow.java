package cn.govcloud.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A grant in a list: the window in force once decided, the one asked for before.
 *
 * @param standing the status, or {@code EXPIRED} once an approved window has passed
 */
public record GrantRow(UUID id, String number, String unitName, String supplierName, String requestedByName,
		AccessKind kind, boolean emergency, GrantStatus status, String standing, Instant from, Instant until,
		Instant createdAt, boolean overdue) {
}
