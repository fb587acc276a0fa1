package cn.govcloud.systems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An application system of a unit (Art. 3, 15).
 *
 * @param protectionLevel classified-protection level 1–5 (等级保护级别), or {@code null} while
 * not yet fixed
 * @param migrationTargetOn when a migrating system is due on the platform
 * @param exemptionBasis the legal basis of an exemption from Art. 3
 */
public record ApplicationSystem(UUID id, UUID unitId, String unitName, String name, String purpose,
		UUID securityOfficerId, String securityOfficerName, Integer protectionLevel, String filingNumber,
		LocalDate lastAssessmentOn, HostingStatus hostingStatus, LocalDate migrationTargetOn, String exemptionBasis,
		Instant createdAt, Instant updatedAt) {
}
