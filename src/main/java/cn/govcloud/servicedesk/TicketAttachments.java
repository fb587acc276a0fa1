package cn.govcloud.servicedesk;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.AttachedFiles.AttachedFile;
import cn.govcloud.shared.AttachedFiles.StoredFile;
import cn.govcloud.shared.AttachedFiles;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screenshots, logs and documents attached to a ticket by either side (its unit or its
 * supplier); at most ten per ticket.
 */
@Service
class TicketAttachments {

	private final AttachedFiles files;

	private final Tickets tickets;

	TicketAttachments(JdbcClient jdbc, Tickets tickets) {
		this.files = new AttachedFiles(jdbc, new AttachedFiles.Table("servicedesk_attachment", "ticket_id", false, 10,
				"ticket.attachments.tooMany"));
		this.tickets = tickets;
	}

	@Transactional
	public AttachedFile attach(DataScope scope, UUID ticketId, String fileName, byte[] content) {
		Ticket ticket = this.tickets.find(scope, ticketId);
		if (!Tickets.isSupplierOf(scope.principal(), ticket) && !Tickets.isUnitSide(scope, ticket)) {
			throw new NotFoundException("ticket", ticketId);
		}
		return this.files.attach(scope.principal(), ticket.id(), null, fileName, content);
	}

	public List<AttachedFile> list(DataScope scope, UUID ticketId) {
		return this.files.list(this.tickets.find(scope, ticketId).id());
	}

	public Optional<StoredFile> content(DataScope scope, UUID ticketId, UUID attachmentId) {
		return this.files.content(this.tickets.find(scope, ticketId).id(), attachmentId);
	}

}
