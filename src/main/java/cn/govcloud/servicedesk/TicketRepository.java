package cn.govcloud.servicedesk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tickets in SQL: one conditional update per step, so of two concurrent steps one wins.
 */
@Repository
class TicketRepository {

	private static final String COLUMNS = """
			t.id, t.number, t.unit_id, t.supplier_id, t.system_id, t.system_name, t.instance_id, t.instance_name,
			t.category, t.priority, t.title, t.description, t.status, t.raised_by, t.raised_by_name, t.opened_at,
			t.working_time, t.response_target_minutes, t.resolution_target_minutes, t.assignee_id, t.assignee_name,
			t.acknowledged_at, t.response_minutes, t.resolved_at, t.resolution, t.resolution_minutes, t.closed_at,
			t.changed_at, t.changed_by_name
			""";

	private final JdbcClient jdbc;

	TicketRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Who reads a ticket: its unit, the supplier it is addressed to (not every supplier
	 * serving the unit), the Commission.
	 */
	static DataScope.SqlFilter filter(DataScope scope) {
		return scope.sqlParty("t.unit_id", "t.supplier_id");
	}

	String nextNumber(int year) {
		long next = this.jdbc.sql("SELECT nextval('servicedesk_ticket_number')").query(Long.class).single();
		return String.format("T%d-%06d", year, next);
	}

	void insert(Ticket ticket, UUID raisedBy) {
		this.jdbc
			.sql("""
					INSERT INTO servicedesk_ticket (id, number, unit_id, supplier_id, system_id, system_name, instance_id,
					    instance_name, category, priority, title, description, search, status, raised_by, raised_by_name,
					    opened_at, working_time, response_target_minutes, resolution_target_minutes, changed_at, changed_by,
					    changed_by_name)
					VALUES (:id, :number, :unit, :supplier, :system, :systemName, :instance, :instanceName, :category,
					    :priority, :title, :description, CAST(:search AS text[]), :status, :raisedBy, :raisedByName, :openedAt, :workingTime,
					    :responseTarget, :resolutionTarget, :openedAt, :raisedBy, :raisedByName)
					""")
			.param("id", ticket.id())
			.param("number", ticket.number())
			.param("unit", ticket.unitId())
			.param("supplier", ticket.supplierId())
			.param("system", ticket.systemId())
			.param("systemName", ticket.systemName())
			.param("instance", ticket.instanceId())
			.param("instanceName", ticket.instanceName())
			.param("category", ticket.category().name())
			.param("priority", ticket.priority().name())
			.param("title", ticket.title())
			.param("description", ticket.description())
			.param("search", SearchTokens.of(ticket.title(), ticket.description(), ticket.number()))
			.param("status", ticket.status().name())
			.param("raisedBy", raisedBy)
			.param("raisedByName", ticket.raisedByName())
			.param("openedAt", Timestamp.from(ticket.openedAt()))
			.param("workingTime", ticket.workingTime())
			.param("responseTarget", ticket.responseTargetMinutes())
			.param("resolutionTarget", ticket.resolutionTargetMinutes())
			.update();
	}

	/**
	 * The resolution clock pauses while the ticket waits on the unit or stands resolved,
	 * and resumes when it leaves either for work (answered, reopened).
	 */
	void pauseOrResume(UUID ticketId, TicketStatus from, TicketStatus to, Instant at) {
		if (to == TicketStatus.WAITING_ON_UNIT || to == TicketStatus.RESOLVED) {
			this.jdbc.sql("""
					INSERT INTO servicedesk_pause (ticket_id, started_at, kind, reason) VALUES (:ticket, :at, :kind, '')
					""").param("ticket", ticketId).param("at", Timestamp.from(at)).param("kind", to.name()).update();
		}
		else if (to == TicketStatus.IN_PROGRESS
				&& (from == TicketStatus.WAITING_ON_UNIT || from == TicketStatus.RESOLVED)) {
			this.jdbc.sql("UPDATE servicedesk_pause SET ended_at = :at WHERE ticket_id = :ticket AND ended_at IS NULL")
				.param("ticket", ticketId)
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	void follow(UUID ticketId, java.util.Collection<UUID> people) {
		for (UUID person : people) {
			this.jdbc
				.sql("INSERT INTO servicedesk_follower (ticket_id, user_id) VALUES (:t, :u) ON CONFLICT DO NOTHING")
				.param("t", ticketId)
				.param("u", person)
				.update();
		}
	}

	List<UUID> followers(UUID ticketId) {
		return this.jdbc.sql("SELECT user_id FROM servicedesk_follower WHERE ticket_id = :t ORDER BY user_id")
			.param("t", ticketId)
			.query(UUID.class)
			.list();
	}

	/** Records a rating; false when the person has rated the ticket already. */
	boolean rate(UUID ticketId, UUID person, int stars, String comment, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO servicedesk_rating (ticket_id, user_id, stars, comment, rated_at)
				VALUES (:t, :u, :stars, :comment, :at) ON CONFLICT DO NOTHING
				""")
			.param("t", ticketId)
			.param("u", person)
			.param("stars", stars)
			.param("comment", (comment != null) ? comment.strip() : "")
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	List<TicketRating> ratings(UUID ticketId) {
		return this.jdbc.sql("""
				SELECT r.user_id, r.stars, r.comment, r.rated_at FROM servicedesk_rating r
				WHERE r.ticket_id = :t ORDER BY r.rated_at
				""")
			.param("t", ticketId)
			.query((rs, n) -> new TicketRating(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * Marks a clock's warning or breach as told, once across every node: true for the one
	 * caller that marked it.
	 */
	boolean markTold(UUID ticketId, String column, Instant at) {
		return this.jdbc
			.sql("UPDATE servicedesk_ticket SET " + column + " = :at WHERE id = :id AND " + column + " IS NULL")
			.param("at", Timestamp.from(at))
			.param("id", ticketId)
			.update() == 1;
	}

	void comment(UUID ticketId, Instant at, TicketEntry.Kind kind, UUID author, String authorName, String text) {
		this.jdbc.sql("""
				INSERT INTO servicedesk_entry (id, ticket_id, at, kind, author_id, author_name, text)
				VALUES (:id, :ticket, :at, :kind, :author, :authorName, :text)
				""")
			.param("id", UUID.randomUUID())
			.param("ticket", ticketId)
			.param("at", Timestamp.from(at))
			.param("kind", kind.name())
			.param("author", author)
			.param("authorName", authorName)
			.param("text", text)
			.update();
	}

	/**
	 * The steps (from the ledger) and the comments, in order; internal notes if asked.
	 */
	List<TicketEntry> entries(UUID ticketId, boolean withInternalNotes) {
		return this.jdbc.sql("""
				SELECT e.occurred_at AS at, 'STEP' AS kind, e.action AS step,
				       coalesce(u.display_name, 'GovCloud') AS author_name, coalesce(e.reason, '') AS text
				FROM servicedesk_ticket_event e LEFT JOIN app_user u ON u.id = e.actor_id
				WHERE e.ticket_id = :ticket
				UNION ALL
				SELECT c.at, c.kind, NULL, c.author_name, c.text FROM servicedesk_entry c
				WHERE c.ticket_id = :ticket AND (:notes OR c.kind <> 'INTERNAL_NOTE')
				ORDER BY at, kind
				""")
			.param("ticket", ticketId)
			.param("notes", withInternalNotes)
			.query((rs, n) -> new TicketEntry(rs.getTimestamp(1).toInstant(), TicketEntry.Kind.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	Optional<Ticket> find(DataScope scope, UUID id) {
		DataScope.SqlFilter filter = filter(scope);
		return filter
			.bind(this.jdbc
				.sql("SELECT " + COLUMNS + " FROM servicedesk_ticket t WHERE t.id = :id AND " + filter.clause()))
			.param("id", id)
			.query(this::map)
			.optional()
			.map(this::withPauses);
	}

	Optional<Ticket> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM servicedesk_ticket t WHERE t.id = :id")
			.param("id", id)
			.query(this::map)
			.optional()
			.map(this::withPauses);
	}

	/** The tickets whose clocks still run, with their pauses: what escalation watches. */
	List<Ticket> running() {
		List<Ticket> tickets = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM servicedesk_ticket t WHERE t.status NOT IN ('RESOLVED', 'CLOSED')")
			.query(this::map)
			.list();
		return withPauses(tickets);
	}

	/** Resolved tickets the unit has left unanswered since before {@code before}. */
	List<Ticket> resolvedBefore(Instant before) {
		List<Ticket> tickets = this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM servicedesk_ticket t WHERE t.status = 'RESOLVED' AND t.resolved_at < :before")
			.param("before", Timestamp.from(before))
			.query(this::map)
			.list();
		return withPauses(tickets);
	}

	/**
	 * The list's columns: the page's headers and the API's {@code sort}; newest first.
	 */
	static final Sortable SORTABLE = Sortable.by("t.opened_at DESC, t.id", "t.id")
		.field("number", "t.number")
		.field("priority", "t.priority")
		.field("title", "t.title")
		.field("systemName", "t.system_name")
		.field("unitName", "u.name")
		.field("status", "t.status")
		.field("openedAt", "t.opened_at");

	Page<TicketRow> search(DataScope scope, TicketFilter filter, Page.Request request) {
		DataScope.SqlFilter scoped = filter(scope);
		String where = " WHERE " + scoped.clause() + filter.sql();
		long total = filter.bind(scoped.bind(this.jdbc.sql("SELECT count(*) FROM servicedesk_ticket t" + where)))
			.query(Long.class)
			.single();
		List<TicketRow> rows = filter.bind(scoped.bind(this.jdbc.sql("""
				SELECT t.id, t.number, t.unit_id, u.name AS unit_name, t.supplier_id, s.name AS supplier_name,
				       t.system_name, t.category, t.priority, t.title, t.status, t.opened_at, t.assignee_name,
				       t.response_breached_at IS NOT NULL OR (t.acknowledged_at IS NOT NULL
				           AND t.response_minutes > t.response_target_minutes) AS response_breached,
				       t.resolution_breached_at IS NOT NULL OR (t.resolved_at IS NOT NULL
				           AND t.resolution_minutes > t.resolution_target_minutes) AS resolution_breached
				FROM servicedesk_ticket t JOIN organization u ON u.id = t.unit_id
				JOIN organization s ON s.id = t.supplier_id
				""" + where + " ORDER BY " + SORTABLE.orderBy(request.order()) + " LIMIT :limit OFFSET :offset")))
			.param("limit", request.size())
			.param("offset", request.offset())
			.query((rs, n) -> new TicketRow(rs.getObject("id", UUID.class), rs.getString("number"),
					rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
					rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"), rs.getString("system_name"),
					TicketCategory.valueOf(rs.getString("category")), Priority.valueOf(rs.getString("priority")),
					rs.getString("title"), TicketStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("opened_at").toInstant(), rs.getString("assignee_name"),
					rs.getBoolean("response_breached"), rs.getBoolean("resolution_breached")))
			.list();
		return request.of(rows, total);
	}

	private Ticket withPauses(Ticket ticket) {
		return withPauses(List.of(ticket)).get(0);
	}

	private List<Ticket> withPauses(List<Ticket> tickets) {
		if (tickets.isEmpty()) {
			return tickets;
		}
		Map<UUID, List<Pause>> pauses = new HashMap<>();
		this.jdbc.sql("""
				SELECT ticket_id, started_at, ended_at FROM servicedesk_pause
				WHERE ticket_id = ANY(:ids) ORDER BY started_at
				""")
			.param("ids", tickets.stream().map(Ticket::id).toArray(UUID[]::new))
			.query((rs, n) -> pauses.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
				.add(new Pause(rs.getTimestamp(2).toInstant(), Timestamps.instant(rs.getTimestamp(3)))))
			.list();
		return tickets.stream()
			.map((t) -> new Ticket(t.id(), t.number(), t.unitId(), t.supplierId(), t.systemId(), t.systemName(),
					t.instanceId(), t.instanceName(), t.category(), t.priority(), t.title(), t.description(),
					t.status(), t.raisedBy(), t.raisedByName(), t.openedAt(), t.workingTime(),
					t.responseTargetMinutes(), t.resolutionTargetMinutes(), t.assigneeId(), t.assigneeName(),
					t.acknowledgedAt(), t.responseMinutes(), t.resolvedAt(), t.resolution(), t.resolutionMinutes(),
					t.closedAt(), t.changedAt(), t.changedByName(), pauses.getOrDefault(t.id(), List.of())))
			.toList();
	}

	private Ticket map(ResultSet rs, int row) throws SQLException {
		return new Ticket(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("unit_id", UUID.class),
				rs.getObject("supplier_id", UUID.class), rs.getObject("system_id", UUID.class),
				rs.getString("system_name"), rs.getObject("instance_id", UUID.class), rs.getString("instance_name"),
				TicketCategory.valueOf(rs.getString("category")), Priority.valueOf(rs.getString("priority")),
				rs.getString("title"), rs.getString("description"), TicketStatus.valueOf(rs.getString("status")),
				rs.getObject("raised_by", UUID.class), rs.getString("raised_by_name"),
				rs.getTimestamp("opened_at").toInstant(), rs.getBoolean("working_time"),
				rs.getInt("response_target_minutes"), rs.getInt("resolution_target_minutes"),
				rs.getObject("assignee_id", UUID.class), rs.getString("assignee_name"),
				Timestamps.instant(rs.getTimestamp("acknowledged_at")), rs.getObject("response_minutes", Integer.class),
				Timestamps.instant(rs.getTimestamp("resolved_at")), rs.getString("resolution"),
				rs.getObject("resolution_minutes", Integer.class), Timestamps.instant(rs.getTimestamp("closed_at")),
				rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by_name"), List.of());
	}

}
