package cn.govcloud.security;

import java.util.UUID;

/**
 * A finding as the Commission records it on an inspection (Art. 14); the deadline follows
 * from the severity ({@link InspectionSettings}).
 *
 * @param supplierId the responsible supplier when {@code responsible} is
 * {@link Responsible#SUPPLIER}
 */
public record FindingForm(FindingSeverity severity, UUID systemId, String description, Responsible responsible,
		UUID supplierId) {
}
