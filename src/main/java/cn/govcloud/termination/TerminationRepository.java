package cn.govcloud.termination;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.inventory.ReclaimOrders;
import cn.govcloud.inventory.ReclaimProgress;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Termination applications in SQL. */
@Repository
class TerminationRepository {

	/** Where terminations are decided: their status; they keep no history table. */
	static final Ledger LEDGER = new Ledger("termination", "status", null, null);

	private static final String SELECT = """
			SELECT t.*, u.name AS unit_name, s.name AS system_name, sb.display_name AS submitted_by_name,
			       db.display_name AS decided_by_name,
			       ARRAY(SELECT ti.instance_id FROM termination_instance ti WHERE ti.termination_id = t.id) AS instances
			FROM termination t JOIN organization u ON u.id = t.unit_id
			JOIN application_system s ON s.id = t.system_id
			JOIN app_user sb ON sb.id = t.submitted_by LEFT JOIN app_user db ON db.id = t.decided_by
			""";

	private final JdbcClient jdbc;

	private final ReclaimOrders reclaimOrders;

	TerminationRepository(JdbcClient jdbc, ReclaimOrders reclaimOrders) {
		this.jdbc = jdbc;
		this.reclaimOrders = reclaimOrders;
	}

	/**
	 * Who reads a termination: its unit and the Commission. A supplier sees the reclaim
	 * orders, never the application.
	 */
	static DataScope.SqlFilter filter(DataScope scope) {
		if (scope.principal().organizationKind() == OrganizationKind.SUPPLIER) {
			return new DataScope.SqlFilter("false", new UUID[0]);
		}
		return scope.sql("t.unit_id");
	}

	Optional<Termination> find(DataScope scope, UUID id) {
		DataScope.SqlFilter filter = filter(scope);
		return filter.bind(this.jdbc.sql(SELECT + " WHERE t.id = :id AND " + filter.clause()))
			.param("id", id)
			.query(TerminationRepository::map)
			.optional();
	}

	Optional<Termination> findById(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(TerminationRepository::map).optional();
	}

	/** The list's columns: the page's headers and the API's {@code sort}. */
	static final Sortable SORTABLE = Sortable.by("t.submitted_at DESC, t.id", "t.id")
		.field("number", "t.number")
		.field("unitName", "u.name")
		.field("systemName", "s.name")
		.field("wholeSystem", "t.whole_system")
		.field("submittedAt", "t.submitted_at")
		.field("status", "t.status");

	List<Termination> search(DataScope scope, TerminationStatus status, UUID systemId, String orderBy, int offset,
			int limit) {
		DataScope.SqlFilter filter = filter(scope);
		return filter
			.bind(this.jdbc.sql(SELECT + " WHERE " + filter.clause() + FILTERS + " ORDER BY " + orderBy
					+ " LIMIT :limit OFFSET :offset"))
			.param("status", (status != null) ? status.name() : null)
			.param("system", systemId)
			.param("limit", limit)
			.param("offset", offset)
			.query(TerminationRepository::map)
			.list();
	}

	long count(DataScope scope, TerminationStatus status, UUID systemId) {
		DataScope.SqlFilter filter = filter(scope);
		return filter.bind(this.jdbc.sql("SELECT count(*) FROM termination t WHERE " + filter.clause() + FILTERS))
			.param("status", (status != null) ? status.name() : null)
			.param("system", systemId)
			.query(Long.class)
			.single();
	}

	private static final String FILTERS = """
			 AND (CAST(:status AS varchar) IS NULL OR t.status = :status)
			 AND (CAST(:system AS uuid) IS NULL OR t.system_id = :system)
			""";

	boolean pending(UUID systemId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM termination WHERE system_id = :system "
					+ "AND status IN ('SUBMITTED', 'APPROVED'))")
			.param("system", systemId)
			.query(Boolean.class)
			.single();
	}

	String nextNumber(LocalDate today) {
		long next = this.jdbc.sql("SELECT nextval('termination_number')").query(Long.class).single();
		return "ZZ%d-%06d".formatted(today.getYear(), next);
	}

	void insert(UUID id, String number, UUID unitId, TerminationForm form, int evidenceVersion, String withdrawn,
			UUID by, Instant at) {
		this.jdbc.sql("""
				INSERT INTO termination (id, number, unit_id, system_id, whole_system, offline_on, data_handling,
				       data_location, evidence_version, open_applications, withdrawn, note, status, submitted_by,
				       submitted_at)
				VALUES (:id, :number, :unit, :system, :whole, :offline, :handling, :location, :evidence, :open,
				        :withdrawn, :note, 'SUBMITTED', :by, :at)
				""")
			.param("id", id)
			.param("number", number)
			.param("unit", unitId)
			.param("system", form.systemId())
			.param("whole", form.whole())
			.param("offline", Date.valueOf(form.offlineOn()))
			.param("handling", form.dataHandling().name())
			.param("location", form.dataLocation())
			.param("evidence", evidenceVersion)
			.param("open", (form.openApplications() != null) ? form.openApplications().name() : null)
			.param("withdrawn", withdrawn)
			.param("note", form.note())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
		if (!form.whole()) {
			for (UUID instance : form.instanceIds()) {
				this.jdbc.sql("INSERT INTO termination_instance (termination_id, instance_id) VALUES (:t, :i)")
					.param("t", id)
					.param("i", instance)
					.update();
			}
		}
	}

	/**
	 * Marks an approved termination reclaimed once none of its reclaim orders is open
	 * (asked of the inventory, which keeps the orders), on the latest reclaim date.
	 */
	boolean reclaimedIfDone(UUID id) {
		ReclaimProgress progress = this.reclaimOrders.progress(id);
		if (!progress.done()) {
			return false;
		}
		return this.jdbc.sql("""
				UPDATE termination SET status = 'RECLAIMED', reclaimed_on = coalesce(CAST(:last AS date), approved_on)
				WHERE id = :id AND status = 'APPROVED'
				""")
			.param("id", id)
			.param("last", (progress.lastReclaimedOn() != null) ? Date.valueOf(progress.lastReclaimedOn()) : null)
			.update() == 1;
	}

	private static Termination map(ResultSet rs, int row) throws SQLException {
		return new Termination(rs.getObject("id", UUID.class), rs.getString("number"),
				rs.getObject("unit_id", UUID.class), rs.getString("unit_name"), rs.getObject("system_id", UUID.class),
				rs.getString("system_name"), rs.getBoolean("whole_system"),
				Arrays.asList((UUID[]) rs.getArray("instances").getArray()), date(rs, "offline_on"),
				DataHandling.valueOf(rs.getString("data_handling")), rs.getString("data_location"),
				rs.getInt("evidence_version"),
				(rs.getString("open_applications") != null)
						? OpenApplications.valueOf(rs.getString("open_applications")) : null,
				rs.getString("withdrawn"), rs.getString("note"), TerminationStatus.valueOf(rs.getString("status")),
				rs.getString("submitted_by_name"), instant(rs, "submitted_at"), rs.getString("decided_by_name"),
				instant(rs, "decided_at"), date(rs, "approved_on"), rs.getString("return_reason"),
				date(rs, "reclaimed_on"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date value = rs.getDate(column);
		return (value != null) ? value.toLocalDate() : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return Timestamps.instant(value);
	}

}
