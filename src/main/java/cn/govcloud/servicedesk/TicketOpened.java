package cn.govcloud.servicedesk;

import java.util.UUID;

/** A ticket was raised: the supplier's operators are told. */
record TicketOpened(UUID ticketId, String number, UUID unitId, UUID supplierId, Priority priority, String title,
		String systemName) {
}
