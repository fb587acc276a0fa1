package cn.govcloud.servicedesk;

import java.util.List;
import java.util.UUID;

/**
 * A ticket as its raiser writes it.
 *
 * @param instanceId the host concerned, if one (it names the supplier when a system is
 * served by several)
 * @param followerIds people of the same unit who follow the ticket
 */
record TicketForm(UUID systemId, UUID instanceId, TicketCategory category, Priority priority, String title,
		String description, List<UUID> followerIds) {
}
