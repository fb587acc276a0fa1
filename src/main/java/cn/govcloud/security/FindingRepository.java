package cn.govcloud.security;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Findings in SQL; their steps go through {@code Decisions} (ADR 0015). */
@Repository
class FindingRepository {

	private static final String COLUMNS = """
			f.id, f.number, f.inspection_id, f.severity, f.system_id, f.system_name, f.unit_id, f.responsible,
			f.supplier_id, f.description, f.deadline, f.status, f.response, f.responded_at, f.responded_by_name,
			f.decided_by, f.decided_at, f.decision_reason, f.created_at
			""";

	static final Sortable SORTABLE = Sortable
		.by("CASE f.severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, f.deadline", "f.id")
		.field("number", "f.number")
		.field("severity", "f.severity")
		.field("systemName", "f.system_name")
		.field("unitName", "u.name")
		.field("deadline", "f.deadline")
		.field("status", "f.status");

	private static final String WHERE = """
			 WHERE %s
			   AND (CAST(:severity AS text) IS NULL OR f.severity = :severity)
			   AND (CAST(:status AS text) IS NULL OR f.status = :status)
			   AND (NOT :open OR f.status <> 'CLOSED')
			   AND (NOT :overdue OR (f.status <> 'CLOSED' AND f.deadline < :today))
			   AND (CAST(:unitId AS uuid) IS NULL OR f.unit_id = :unitId)
			   AND (CAST(:systemId AS uuid) IS NULL OR f.system_id = :systemId)
			   AND (CAST(:inspectionId AS uuid) IS NULL OR f.inspection_id = :inspectionId)
			""";

	private final JdbcClient jdbc;

	FindingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A finding concerns its unit and, when a supplier is responsible, that supplier: a
	 * unit reads its own, a supplier only those it is responsible for, the Commission
	 * all.
	 */
	static DataScope.SqlFilter filter(DataScope scope) {
		return scope.sqlParty("f.unit_id", "f.supplier_id");
	}

	String nextNumber(int year) {
		return String.format("ZG%d-%06d", year,
				this.jdbc.sql("SELECT nextval('security_finding_number')").query(Long.class).single());
	}

	void insert(Finding finding, UUID createdBy) {
		this.jdbc.sql("""
				INSERT INTO security_finding (id, number, inspection_id, severity, system_id, system_name, unit_id,
				    responsible, supplier_id, description, deadline, status, created_by, created_at)
				VALUES (:id, :number, :inspection, :severity, :system, :systemName, :unit, :responsible, :supplier,
				    :description, :deadline, :status, :by, :at)
				""")
			.param("id", finding.id())
			.param("number", finding.number())
			.param("inspection", finding.inspectionId())
			.param("severity", finding.severity().name())
			.param("system", finding.systemId())
			.param("systemName", finding.systemName())
			.param("unit", finding.unitId())
			.param("responsible", finding.responsible().name())
			.param("supplier", finding.supplierId())
			.param("description", finding.description())
			.param("deadline", Date.valueOf(finding.deadline()))
			.param("status", finding.status().name())
			.param("by", createdBy)
			.param("at", Timestamp.from(finding.createdAt()))
			.update();
	}

	Optional<Finding> find(DataScope scope, UUID id) {
		DataScope.SqlFilter filter = filter(scope);
		return filter
			.bind(this.jdbc
				.sql("SELECT " + COLUMNS + " FROM security_finding f WHERE f.id = :id AND " + filter.clause()))
			.param("id", id)
			.query(FindingRepository::map)
			.optional();
	}

	Optional<Finding> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM security_finding f WHERE f.id = :id")
			.param("id", id)
			.query(FindingRepository::map)
			.optional();
	}

	List<GrantEntry> history(UUID findingId) {
		return this.jdbc.sql("""
				SELECT e.occurred_at, e.action, coalesce(u.display_name, 'GovCloud'), coalesce(e.reason, '')
				FROM security_finding_event e LEFT JOIN app_user u ON u.id = e.actor_id
				WHERE e.finding_id = :finding ORDER BY e.occurred_at, e.id
				""")
			.param("finding", findingId)
			.query((rs, n) -> new GrantEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	Page<FindingRow> search(DataScope scope, FindingFilter filter, LocalDate today, Page.Request request) {
		DataScope.SqlFilter scoped = filter(scope);
		String where = WHERE.formatted(scoped.clause());
		long total = bind(scoped.bind(this.jdbc.sql("""
				SELECT count(*) FROM security_finding f JOIN organization u ON u.id = f.unit_id""" + where)), filter,
				today)
			.query(Long.class)
			.single();
		List<FindingRow> rows = bind(scoped.bind(this.jdbc.sql("""
				SELECT f.id, f.number, i.number AS inspection_number, f.severity, f.system_id, f.system_name,
				       u.name AS unit_name, f.responsible, coalesce(s.name, u.name) AS responsible_name, f.deadline,
				       f.status
				FROM security_finding f JOIN organization u ON u.id = f.unit_id
				JOIN security_inspection i ON i.id = f.inspection_id
				LEFT JOIN organization s ON s.id = f.supplier_id""" + where + " ORDER BY "
				+ SORTABLE.orderBy(request.order()) + " LIMIT :limit OFFSET :offset")), filter, today)
			.param("limit", request.size())
			.param("offset", request.offset())
			.query((rs, n) -> row(rs, today))
			.list();
		return request.of(rows, total);
	}

	/**
	 * Open findings in scope per unit by severity and overdue; the city's total is the
	 * sum.
	 */
	List<FindingTally> tallies(DataScope scope, LocalDate today) {
		DataScope.SqlFilter scoped = filter(scope);
		return scoped.bind(this.jdbc.sql("""
				SELECT f.unit_id, u.name, count(*) FILTER (WHERE f.severity = 'HIGH'),
				       count(*) FILTER (WHERE f.severity = 'MEDIUM'), count(*) FILTER (WHERE f.severity = 'LOW'),
				       count(*) FILTER (WHERE f.deadline < :today)
				FROM security_finding f JOIN organization u ON u.id = f.unit_id
				WHERE f.status <> 'CLOSED' AND\s""" + scoped.clause() + " GROUP BY f.unit_id, u.name ORDER BY u.name"))
			.param("today", Date.valueOf(today))
			.query((rs, n) -> new FindingTally(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/** Findings not closed whose deadline is on or before {@code until}. */
	List<Finding> openDueBy(LocalDate until) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM security_finding f WHERE f.status <> 'CLOSED' AND f.deadline <= :until
				 AND (f.reminded_at IS NULL OR f.due_told_at IS NULL OR f.escalated_at IS NULL)
				""").param("until", Date.valueOf(until)).query(FindingRepository::map).list();
	}

	/**
	 * Claims a notice of a finding ({@code column} set once): true for the one caller.
	 */
	boolean markTold(UUID id, String column, Instant at) {
		String checked = switch (column) {
			case "reminded_at", "due_told_at", "escalated_at" -> column;
			default -> throw new IllegalArgumentException(column);
		};
		return this.jdbc
			.sql("UPDATE security_finding SET " + checked + " = :at WHERE id = :id AND " + checked + " IS NULL")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, FindingFilter filter, LocalDate today) {
		return spec.param("severity", (filter.severity() != null) ? filter.severity().name() : null)
			.param("status", (filter.status() != null) ? filter.status().name() : null)
			.param("open", Boolean.TRUE.equals(filter.open()))
			.param("overdue", Boolean.TRUE.equals(filter.overdue()))
			.param("today", Date.valueOf(today))
			.param("unitId", filter.unitId())
			.param("systemId", filter.systemId())
			.param("inspectionId", filter.inspectionId());
	}

	private static FindingRow row(ResultSet rs, LocalDate today) throws SQLException {
		FindingStatus status = FindingStatus.valueOf(rs.getString("status"));
		LocalDate deadline = rs.getDate("deadline").toLocalDate();
		return new FindingRow(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("inspection_number"),
				FindingSeverity.valueOf(rs.getString("severity")), rs.getObject("system_id", UUID.class),
				rs.getString("system_name"), rs.getString("unit_name"),
				Responsible.valueOf(rs.getString("responsible")), rs.getString("responsible_name"), deadline, status,
				status != FindingStatus.CLOSED && today.isAfter(deadline));
	}

	private static Finding map(ResultSet rs, int row) throws SQLException {
		return new Finding(rs.getObject("id", UUID.class), rs.getString("number"),
				rs.getObject("inspection_id", UUID.class), FindingSeverity.valueOf(rs.getString("severity")),
				rs.getObject("system_id", UUID.class), rs.getString("system_name"), rs.getObject("unit_id", UUID.class),
				Responsible.valueOf(rs.getString("responsible")), rs.getObject("supplier_id", UUID.class),
				rs.getString("description"), rs.getDate("deadline").toLocalDate(),
				FindingStatus.valueOf(rs.getString("status")), rs.getString("response"),
				Timestamps.instant(rs.getTimestamp("responded_at")), rs.getString("responded_by_name"),
				rs.getString("decided_by"), Timestamps.instant(rs.getTimestamp("decided_at")),
				rs.getString("decision_reason"), rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * Per severity, the supplier's findings due in the year by {@code today}, and those
	 * of them verified with a response given on or before the deadline (city days).
	 */
	List<Findings.OnTimeShare> onTime(UUID supplierId, int year, java.time.LocalDate today) {
		return this.jdbc.sql("""
				SELECT severity, count(*) AS due,
				       count(*) FILTER (WHERE status = 'CLOSED'
				           AND CAST(responded_at AT TIME ZONE 'Asia/Shanghai' AS date) <= deadline) AS on_time
				FROM security_finding
				WHERE responsible = 'SUPPLIER' AND supplier_id = :supplier
				  AND deadline >= :first AND deadline <= :last AND deadline <= :today
				GROUP BY severity ORDER BY severity
				""")
			.param("supplier", supplierId)
			.param("first", java.sql.Date.valueOf(java.time.LocalDate.of(year, 1, 1)))
			.param("last", java.sql.Date.valueOf(java.time.LocalDate.of(year, 12, 31)))
			.param("today", java.sql.Date.valueOf(today))
			.query((rs, n) -> new Findings.OnTimeShare(rs.getString("severity"), rs.getLong("due"),
					rs.getLong("on_time")))
			.list();
	}

}
