package cn.govcloud.servicedesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DocumentType;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Screenshots, logs and documents attached to a ticket by either side, checked by their
 * content (an executable renamed {@code .png} is refused); at most ten per ticket.
 */
@Service
class TicketAttachments {

	private static final DataSize MAX_SIZE = DataSize.ofMegabytes(20);

	private static final int MAX_PER_TICKET = 10;

	private final JdbcClient jdbc;

	private final Tickets tickets;

	TicketAttachments(JdbcClient jdbc, Tickets tickets) {
		this.jdbc = jdbc;
		this.tickets = tickets;
	}

	@Transactional
	public Attachment attach(DataScope scope, UUID ticketId, String fileName, byte[] content) {
		Ticket ticket = this.tickets.find(scope, ticketId);
		if (!Tickets.isSupplierOf(scope.principal(), ticket) && !Tickets.isUnitSide(scope, ticket)) {
			throw new NotFoundException("ticket", ticketId);
		}
		DocumentType type = DocumentType.checked(fileName, content, MAX_SIZE);
		long held = this.jdbc.sql("SELECT count(*) FROM servicedesk_attachment WHERE ticket_id = :t")
			.param("t", ticketId)
			.query(Long.class)
			.single();
		if (held >= MAX_PER_TICKET) {
			throw InvalidInputException.of("file", "ticket.attachments.tooMany", MAX_PER_TICKET);
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc.sql("""
				INSERT INTO servicedesk_attachment (id, ticket_id, file_name, content_type, content, uploaded_at,
				    uploaded_by, uploaded_by_name)
				VALUES (:id, :t, :name, :type, :content, :at, :by, :byName)
				""")
			.param("id", id)
			.param("t", ticketId)
			.param("name", fileName)
			.param("type", type.contentType())
			.param("content", content)
			.param("at", Timestamp.from(now))
			.param("by", scope.principal().userId())
			.param("byName", scope.principal().displayName())
			.update();
		return new Attachment(id, fileName, type.contentType(), content.length, now, scope.principal().displayName());
	}

	public List<Attachment> list(DataScope scope, UUID ticketId) {
		Ticket ticket = this.tickets.find(scope, ticketId);
		return this.jdbc.sql("""
				SELECT id, file_name, content_type, length(content), uploaded_at, uploaded_by_name
				FROM servicedesk_attachment WHERE ticket_id = :t ORDER BY uploaded_at
				""")
			.param("t", ticket.id())
			.query((rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.list();
	}

	public Optional<byte[]> content(DataScope scope, UUID ticketId, UUID attachmentId) {
		Ticket ticket = this.tickets.find(scope, ticketId);
		return this.jdbc.sql("SELECT content FROM servicedesk_attachment WHERE ticket_id = :t AND id = :id")
			.param("t", ticket.id())
			.param("id", attachmentId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** An attachment without its content. */
	public record Attachment(UUID id, String fileName, String contentType, int size, Instant uploadedAt,
			String uploadedBy) {
	}

}
