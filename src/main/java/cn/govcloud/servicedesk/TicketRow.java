package cn.govcloud.servicedesk;

import java.time.Instant;
import java.util.UUID;

/** A ticket as lists show it. */
record TicketRow(UUID id, String number, UUID unitId, String unitName, UUID supplierId, String supplierName,
		String systemName, TicketCategory category, Priority priority, String title, TicketStatus status,
		Instant openedAt, String assigneeName, boolean responseBreached, boolean resolutionBreached) {

	public boolean breached() {
		return this.responseBreached || this.resolutionBreached;
	}

}
