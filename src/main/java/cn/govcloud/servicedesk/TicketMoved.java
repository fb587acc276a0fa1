package cn.govcloud.servicedesk;

import java.util.List;
import java.util.UUID;

/**
 * A ticket took a step (acknowledged, waiting on the unit, answered, resolved, closed,
 * reopened).
 *
 * @param unitPeople who raised and follows the ticket
 */
record TicketMoved(UUID ticketId, String number, UUID supplierId, TicketStatus from, TicketStatus to, UUID assigneeId,
		List<UUID> unitPeople, String title) {
}
