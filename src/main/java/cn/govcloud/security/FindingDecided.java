package cn.govcloud.security;

import java.util.UUID;

/**
 * A finding's rectification moved on (Art. 14): responded, closed, or returned (open
 * again).
 *
 * @param supplierId the responsible supplier, {@code null} when the unit is responsible
 */
public record FindingDecided(UUID findingId, String number, UUID systemId, UUID unitId, UUID supplierId,
		FindingSeverity severity, FindingStatus status) {
}
