package cn.govcloud.systems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One change of a system's hosting status (Art. 3), as the system's history shows it.
 *
 * @param targetOn the target date of a migration
 * @param reason why (stopping a migration, lifting an exemption, going offline) or the
 * legal basis of a granted exemption
 * @param actor who made the change, or {@code system} for a change of another module
 */
record HostingChange(UUID id, UUID systemId, HostingStatus from, HostingStatus to, LocalDate targetOn, String reason,
		String actor, Instant changedAt) {
}
