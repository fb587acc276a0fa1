package cn.govcloud.systems;

import java.time.LocalDate;

/**
 * A change of a system's hosting status as a unit asks for it (Art. 3).
 *
 * @param status the status wanted
 * @param expectedStatus the status the caller saw, or {@code null}: when given and no
 * longer the system's status, the change is refused as a conflict instead of being
 * applied to a status the caller never saw
 * @param targetDate when a migration is due on the platform (for {@code MIGRATING}, in
 * the future)
 * @param reason why a migration stops, an exemption is lifted or a system goes offline
 * @param exemptionBasis the legal basis of an exemption (for {@code EXEMPT})
 * @param documentVersion the exemption document it relies on, by default the newest
 */
record StatusChange(HostingStatus status, HostingStatus expectedStatus, LocalDate targetDate, String reason,
		String exemptionBasis, Integer documentVersion) {
}
