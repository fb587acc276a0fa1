package cn.govcloud.security;

import java.util.UUID;

/**
 * What a list of findings is narrowed to; {@code null} leaves a criterion out.
 *
 * @param open only findings not closed
 * @param overdue only findings past their deadline and not closed
 */
public record FindingFilter(FindingSeverity severity, FindingStatus status, Boolean open, Boolean overdue, UUID unitId,
		UUID systemId, UUID inspectionId) {

	public static FindingFilter none() {
		return new FindingFilter(null, null, null, null, null, null, null);
	}

}
