package cn.govcloud.security;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A finding in a list (Art. 14).
 *
 * @param responsibleName the unit's or the supplier's name
 * @param overdue the deadline passed with the finding not closed
 */
public record FindingRow(UUID id, String number, String inspectionNumber, FindingSeverity severity, UUID systemId,
		String systemName, String unitName, Responsible responsible, String responsibleName, LocalDate deadline,
		FindingStatus status, boolean overdue) {
}
