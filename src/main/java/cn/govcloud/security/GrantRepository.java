package cn.govcloud.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Access grants in SQL; their decisions go through {@code Decisions} (ADR 0015). */
@Repository
class GrantRepository {

	private static final String COLUMNS = """
			g.id, g.number, g.unit_id, g.supplier_id, g.requested_by, g.requested_by_name, g.purpose, g.kind,
			g.requested_from, g.requested_until,
			ARRAY(SELECT gi.instance_id FROM security_grant_instance gi WHERE gi.grant_id = g.id) AS requested_instances,
			g.emergency, g.ticket_number, g.status, g.granted_from, g.granted_until, g.granted_instances, g.decided_by,
			g.decided_at, g.decision_reason, g.ended_at, g.created_at, g.flagged_at
			""";

	/** The list's columns: the page's headers and the API's {@code sort}. */
	static final Sortable SORTABLE = Sortable.by("g.created_at DESC, g.id", "g.id")
		.field("number", "g.number")
		.field("unitName", "u.name")
		.field("kind", "g.kind")
		.field("status", "g.status")
		.field("from", "coalesce(g.granted_from, g.requested_from)")
		.field("createdAt", "g.created_at");

	private final JdbcClient jdbc;

	GrantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A grant is between a unit and a supplier: each side and the Commission read it. */
	static DataScope.SqlFilter filter(DataScope scope) {
		return scope.sqlParty("g.unit_id", "g.supplier_id");
	}

	String nextNumber(int year) {
		long next = this.jdbc.sql("SELECT nextval('security_grant_number')").query(Long.class).single();
		return String.format("SQ%d-%06d", year, next);
	}

	void insert(AccessGrant grant, List<GrantInstance> instances) {
		this.jdbc.sql("""
				INSERT INTO security_access_grant (id, number, unit_id, supplier_id, requested_by, requested_by_name,
				    purpose, kind, requested_from, requested_until, emergency, ticket_number, status, granted_from,
				    granted_until, granted_instances, created_at)
				VALUES (:id, :number, :unit, :supplier, :by, :byName, :purpose, :kind, :from, :until, :emergency,
				    :ticket, :status, :grantedFrom, :grantedUntil, :granted, :createdAt)
				""")
			.param("id", grant.id())
			.param("number", grant.number())
			.param("unit", grant.unitId())
			.param("supplier", grant.supplierId())
			.param("by", grant.requestedBy())
			.param("byName", grant.requestedByName())
			.param("purpose", grant.purpose())
			.param("kind", grant.kind().name())
			.param("from", Timestamp.from(grant.requestedFrom()))
			.param("until", Timestamp.from(grant.requestedUntil()))
			.param("emergency", grant.emergency())
			.param("ticket", grant.ticketNumber())
			.param("status", grant.status().name())
			.param("grantedFrom", Timestamps.timestamp(grant.grantedFrom()))
			.param("grantedUntil", Timestamps.timestamp(grant.grantedUntil()))
			.param("granted", grant.grantedInstances().toArray(UUID[]::new))
			.param("createdAt", Timestamp.from(grant.createdAt()))
			.update();
		for (GrantInstance instance : instances) {
			this.jdbc.sql("""
					INSERT INTO security_grant_instance (grant_id, instance_id, instance_name, system_id, system_name)
					VALUES (:grant, :instance, :name, :system, :systemName)
					""")
				.param("grant", grant.id())
				.param("instance", instance.instanceId())
				.param("name", instance.instanceName())
				.param("system", instance.systemId())
				.param("systemName", instance.systemName())
				.update();
		}
	}

	Optional<AccessGrant> find(DataScope scope, UUID id) {
		DataScope.SqlFilter filter = filter(scope);
		return filter
			.bind(this.jdbc
				.sql("SELECT " + COLUMNS + " FROM security_access_grant g WHERE g.id = :id AND " + filter.clause()))
			.param("id", id)
			.query(this::map)
			.optional();
	}

	Optional<AccessGrant> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM security_access_grant g WHERE g.id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	List<GrantInstance> instances(AccessGrant grant) {
		return this.jdbc.sql("""
				SELECT instance_id, instance_name, system_id, system_name FROM security_grant_instance
				WHERE grant_id = :grant ORDER BY system_name, instance_name
				""").param("grant", grant.id()).query((rs, n) -> {
			UUID instance = rs.getObject(1, UUID.class);
			return new GrantInstance(instance, rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
					grant.grantedInstances().contains(instance));
		}).list();
	}

	List<GrantEntry> history(UUID grantId) {
		return this.jdbc.sql("""
				SELECT e.occurred_at, e.action, coalesce(u.display_name, 'GovCloud'), coalesce(e.reason, '')
				FROM security_access_grant_event e LEFT JOIN app_user u ON u.id = e.actor_id
				WHERE e.grant_id = :grant ORDER BY e.occurred_at, e.id
				""")
			.param("grant", grantId)
			.query((rs, n) -> new GrantEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/**
	 * The supplier's grants that were ever in force on {@code instanceId}: those that may
	 * cover a session there.
	 */
	List<AccessGrant> inForceOn(UUID supplierId, UUID instanceId) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM security_access_grant g
				WHERE g.supplier_id = :supplier AND g.granted_instances @> ARRAY[CAST(:instance AS uuid)]
				""").param("supplier", supplierId).param("instance", instanceId).query(this::map).list();
	}

	/**
	 * Emergencies still undecided that were opened before {@code before} and not flagged.
	 */
	List<AccessGrant> undecidedEmergencies(Instant before) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM security_access_grant g
				WHERE g.status = 'EMERGENCY' AND g.flagged_at IS NULL AND g.created_at < :before
				""").param("before", Timestamp.from(before)).query(this::map).list();
	}

	/** Flags an overdue emergency once across every node: true for the one caller. */
	boolean flag(UUID id, Instant at) {
		return this.jdbc.sql("""
				UPDATE security_access_grant SET flagged_at = :at
				WHERE id = :id AND flagged_at IS NULL AND status = 'EMERGENCY'
				""").param("at", Timestamp.from(at)).param("id", id).update() == 1;
	}

	Page<GrantRow> search(DataScope scope, GrantStatus status, UUID unitId, Instant now, Instant overdueBefore,
			Page.Request request) {
		DataScope.SqlFilter scoped = filter(scope);
		String where = " WHERE " + scoped.clause() + " AND (CAST(:status AS text) IS NULL OR g.status = :status)"
				+ " AND (CAST(:unitId AS uuid) IS NULL OR g.unit_id = :unitId)";
		long total = scoped.bind(this.jdbc.sql("SELECT count(*) FROM security_access_grant g" + where))
			.param("status", (status != null) ? status.name() : null)
			.param("unitId", unitId)
			.query(Long.class)
			.single();
		List<GrantRow> rows = scoped.bind(this.jdbc.sql("""
				SELECT g.id, g.number, u.name AS unit_name, s.name AS supplier_name, g.requested_by_name, g.kind,
				       g.emergency, g.status, coalesce(g.granted_from, g.requested_from) AS window_from,
				       coalesce(g.granted_until, g.requested_until) AS window_until, g.created_at
				FROM security_access_grant g JOIN organization u ON u.id = g.unit_id
				JOIN organization s ON s.id = g.supplier_id
				""" + where + " ORDER BY " + SORTABLE.orderBy(request.order()) + " LIMIT :limit OFFSET :offset"))
			.param("status", (status != null) ? status.name() : null)
			.param("unitId", unitId)
			.param("limit", request.size())
			.param("offset", request.offset())
			.query((rs, n) -> row(rs, now, overdueBefore))
			.list();
		return request.of(rows, total);
	}

	private static GrantRow row(ResultSet rs, Instant now, Instant overdueBefore) throws SQLException {
		GrantStatus status = GrantStatus.valueOf(rs.getString("status"));
		Instant until = rs.getTimestamp("window_until").toInstant();
		Instant created = rs.getTimestamp("created_at").toInstant();
		String standing = (status == GrantStatus.APPROVED && !now.isBefore(until)) ? "EXPIRED" : status.name();
		return new GrantRow(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("unit_name"),
				rs.getString("supplier_name"), rs.getString("requested_by_name"),
				AccessKind.valueOf(rs.getString("kind")), rs.getBoolean("emergency"), status, standing,
				rs.getTimestamp("window_from").toInstant(), until, created,
				status == GrantStatus.EMERGENCY && created.isBefore(overdueBefore));
	}

	private AccessGrant map(ResultSet rs, int row) throws SQLException {
		return new AccessGrant(rs.getObject("id", UUID.class), rs.getString("number"),
				rs.getObject("unit_id", UUID.class), rs.getObject("supplier_id", UUID.class),
				rs.getObject("requested_by", UUID.class), rs.getString("requested_by_name"), rs.getString("purpose"),
				AccessKind.valueOf(rs.getString("kind")), rs.getTimestamp("requested_from").toInstant(),
				rs.getTimestamp("requested_until").toInstant(), uuids(rs.getArray("requested_instances")),
				rs.getBoolean("emergency"), rs.getString("ticket_number"), GrantStatus.valueOf(rs.getString("status")),
				Timestamps.instant(rs.getTimestamp("granted_from")),
				Timestamps.instant(rs.getTimestamp("granted_until")), uuids(rs.getArray("granted_instances")),
				rs.getString("decided_by"), Timestamps.instant(rs.getTimestamp("decided_at")),
				rs.getString("decision_reason"), Timestamps.instant(rs.getTimestamp("ended_at")),
				rs.getTimestamp("created_at").toInstant(), Timestamps.instant(rs.getTimestamp("flagged_at")));
	}

	private static Set<UUID> uuids(Array array) throws SQLException {
		return (array != null) ? new HashSet<>(Arrays.asList((UUID[]) array.getArray())) : Set.of();
	}

}
