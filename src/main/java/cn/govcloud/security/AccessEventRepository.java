package cn.govcloud.security;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bastion host's sessions in SQL. */
@Repository
class AccessEventRepository {

	/** The list's columns: the page's headers and the API's {@code sort}. */
	static final Sortable SORTABLE = Sortable.by("e.started_at DESC, e.id", "e.id")
		.field("startedAt", "e.started_at")
		.field("person", "e.person")
		.field("instanceName", "e.instance_name")
		.field("unitName", "u.name")
		.field("violation", "e.violation");

	private final JdbcClient jdbc;

	AccessEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event unless the supplier reported the same session before.
	 * @return whether it was new
	 */
	boolean insert(AccessEvent event, UUID recordedBy) {
		return this.jdbc.sql("""
				INSERT INTO security_access_event (id, supplier_id, unit_id, instance_id, instance_name, person,
				    started_at, ended_at, source_address, session_id, grant_id, violation, recorded_at, recorded_by)
				VALUES (:id, :supplier, :unit, :instance, :instanceName, :person, :started, :ended, :source, :session,
				    :grant, :violation, :recordedAt, :recordedBy)
				ON CONFLICT (supplier_id, session_id) DO NOTHING
				""")
			.param("id", event.id())
			.param("supplier", event.supplierId())
			.param("unit", event.unitId())
			.param("instance", event.instanceId())
			.param("instanceName", event.instanceName())
			.param("person", event.person())
			.param("started", Timestamp.from(event.startedAt()))
			.param("ended", Timestamp.from(event.endedAt()))
			.param("source", event.sourceAddress())
			.param("session", event.sessionId())
			.param("grant", event.grantId())
			.param("violation", event.violation())
			.param("recordedAt", Timestamp.from(event.recordedAt()))
			.param("recordedBy", recordedBy)
			.update() == 1;
	}

	Page<AccessEventRow> search(DataScope scope, Boolean violation, UUID unitId, UUID grantId, Page.Request request) {
		DataScope.SqlFilter scoped = scope.sqlParty("e.unit_id", "e.supplier_id");
		String where = " WHERE " + scoped.clause()
				+ " AND (CAST(:violation AS boolean) IS NULL OR e.violation = :violation)"
				+ " AND (CAST(:unitId AS uuid) IS NULL OR e.unit_id = :unitId)"
				+ " AND (CAST(:grantId AS uuid) IS NULL OR e.grant_id = :grantId)";
		long total = scoped.bind(this.jdbc.sql("SELECT count(*) FROM security_access_event e" + where))
			.param("violation", violation)
			.param("unitId", unitId)
			.param("grantId", grantId)
			.query(Long.class)
			.single();
		List<AccessEventRow> rows = scoped.bind(this.jdbc.sql("""
				SELECT e.id, u.name, s.name, e.instance_name, e.person, e.started_at, e.ended_at, e.source_address,
				       e.session_id, e.grant_id, g.number, e.violation
				FROM security_access_event e JOIN organization u ON u.id = e.unit_id
				JOIN organization s ON s.id = e.supplier_id
				LEFT JOIN security_access_grant g ON g.id = e.grant_id
				""" + where + " ORDER BY " + SORTABLE.orderBy(request.order()) + " LIMIT :limit OFFSET :offset"))
			.param("violation", violation)
			.param("unitId", unitId)
			.param("grantId", grantId)
			.param("limit", request.size())
			.param("offset", request.offset())
			.query((rs, n) -> new AccessEventRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
					rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class), rs.getString(11),
					rs.getBoolean(12)))
			.list();
		return request.of(rows, total);
	}

}
