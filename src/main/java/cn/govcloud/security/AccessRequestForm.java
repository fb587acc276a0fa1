package cn.govcloud.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The supplier's request for access to a unit's instances (Art. 17). An emergency names
 * its P1 ticket and starts at once ({@code from} is not asked).
 *
 * @param instanceIds the instances, all of one unit
 * @param ticketId the P1 fault an emergency access is for; {@code null} otherwise
 */
public record AccessRequestForm(List<UUID> instanceIds, AccessKind kind, String purpose, Instant from, Instant until,
		Boolean emergency, UUID ticketId) {

	/** Whether this is emergency access (absent: an ordinary request). */
	boolean urgent() {
		return Boolean.TRUE.equals(this.emergency);
	}

}
