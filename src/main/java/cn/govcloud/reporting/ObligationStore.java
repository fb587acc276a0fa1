package cn.govcloud.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.calendar.WorkingCalendar;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored obligations and their rules. Name-only joins (ADR 0016): the supplier's and
 * the unit's names.
 */
@Repository
class ObligationStore {

	static final Ledger LEDGER = new Ledger("reporting_obligation", "status", "reporting_obligation_event",
			"obligation_id");

	static final Sortable SORTABLE = Sortable.by("o.due_on DESC, s.name, o.kind", "o.id")
		.field("kind", "o.kind")
		.field("supplierName", "s.name")
		.field("unitName", "u.name")
		.field("periodStart", "o.period_start")
		.field("dueOn", "o.due_on")
		.field("status", "o.status")
		.field("submittedAt", "o.submitted_at");

	private static final String SELECT = """
			SELECT o.id, o.kind, o.supplier_id, s.name AS supplier_name, o.unit_id, u.name AS unit_name, o.period_start,
			       o.period_end, o.due_on, o.status, o.submitted_at, o.note, o.document_name, o.report_id, o.decided_by,
			       o.decided_at, o.return_reason
			FROM reporting_obligation o JOIN organization s ON s.id = o.supplier_id
			LEFT JOIN organization u ON u.id = o.unit_id
			""";

	private final JdbcClient jdbc;

	ObligationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ObligationRule> rules() {
		return this.jdbc.sql("SELECT kind, period, due_working_day FROM reporting_obligation_kind ORDER BY kind")
			.query((rs, n) -> new ObligationRule(ObligationKind.valueOf(rs.getString(1)),
					ObligationRule.Period.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
	}

	ObligationRule rule(ObligationKind kind) {
		return rules().stream().filter((rule) -> rule.kind() == kind).findFirst().orElseThrow();
	}

	void saveRule(ObligationRule rule, UUID by) {
		this.jdbc.sql("""
				UPDATE reporting_obligation_kind SET period = :period, due_working_day = :day, updated_at = now(),
				       updated_by = :by WHERE kind = :kind
				""")
			.param("period", rule.period().name())
			.param("day", rule.dueWorkingDay())
			.param("by", by)
			.param("kind", rule.kind().name())
			.update();
	}

	/** The obligation of a period, unless it exists; true when it was new. */
	boolean generate(ObligationRule rule, LocalDate start, LocalDate due, UUID supplierId, UUID unitId) {
		return this.jdbc
			.sql("""
					INSERT INTO reporting_obligation (id, kind, supplier_id, unit_id, period_start, period_end, due_on, status)
					VALUES (:id, :kind, :supplier, :unit, :start, :end, :due, 'OPEN') ON CONFLICT DO NOTHING
					""")
			.param("id", UUID.randomUUID())
			.param("kind", rule.kind().name())
			.param("supplier", supplierId)
			.param("unit", unitId)
			.param("start", Date.valueOf(start))
			.param("end", Date.valueOf(rule.period().endOf(start)))
			.param("due", Date.valueOf(due))
			.update() == 1;
	}

	/** The monthly-report obligation of a unit, supplier and month, if generated. */
	Optional<UUID> monthlyReport(UUID supplierId, UUID unitId, LocalDate month) {
		return this.jdbc.sql("""
				SELECT id FROM reporting_obligation WHERE kind = 'MONTHLY_REPORT' AND supplier_id = :supplier
				  AND unit_id = :unit AND period_start = :month
				""")
			.param("supplier", supplierId)
			.param("unit", unitId)
			.param("month", Date.valueOf(month))
			.query(UUID.class)
			.optional();
	}

	/** A supplier's own obligation (not per unit) of a kind and period, if generated. */
	Optional<UUID> ofSupplier(ObligationKind kind, UUID supplierId, LocalDate periodStart) {
		return this.jdbc.sql("""
				SELECT id FROM reporting_obligation WHERE kind = :kind AND supplier_id = :supplier
				  AND unit_id IS NULL AND period_start = :start
				""")
			.param("kind", kind.name())
			.param("supplier", supplierId)
			.param("start", Date.valueOf(periodStart))
			.query(UUID.class)
			.optional();
	}

	void linkReport(UUID obligationId, UUID reportId) {
		this.jdbc.sql("UPDATE reporting_obligation SET report_id = :report WHERE id = :id")
			.param("report", reportId)
			.param("id", obligationId)
			.update();
	}

	Optional<Obligation> find(UUID id, WorkingCalendar calendar) {
		return this.jdbc.sql(SELECT + " WHERE o.id = :id")
			.param("id", id)
			.query((rs, n) -> map(rs, calendar))
			.optional();
	}

	Page<Obligation> search(DataScope scope, ObligationFilter filter, Page.Request request, WorkingCalendar calendar) {
		DataScope.SqlFilter own = scope.sqlSupplier("o.supplier_id");
		String where = " WHERE " + own.clause() + filter.sql();
		long total = filter.bind(own.bind(this.jdbc.sql("SELECT count(*) FROM reporting_obligation o" + where)))
			.query(Long.class)
			.single();
		List<Obligation> items = filter
			.bind(own.bind(this.jdbc.sql(SELECT + where + " ORDER BY " + SORTABLE.orderBy(request.order())
					+ " LIMIT :limit OFFSET :offset")))
			.param("limit", request.size())
			.param("offset", request.offset())
			.query((rs, n) -> map(rs, calendar))
			.list();
		return request.of(items, total);
	}

	/** A supplier's obligations due in a year up to a day, for its share on time. */
	List<Obligation> dueIn(UUID supplierId, int year, LocalDate upTo, WorkingCalendar calendar) {
		return this.jdbc.sql(SELECT + """
				 WHERE o.supplier_id = :supplier AND o.due_on >= :from AND o.due_on <= :to ORDER BY o.due_on
				""")
			.param("supplier", supplierId)
			.param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
			.param("to", Date.valueOf(upTo.isBefore(LocalDate.of(year, 12, 31)) ? upTo : LocalDate.of(year, 12, 31)))
			.query((rs, n) -> map(rs, calendar))
			.list();
	}

	/**
	 * Marks a reminder sent, once: true only for the caller whose update changed the row.
	 * @param column {@code reminded_before_at} or {@code reminded_due_at}
	 */
	List<Obligation> claimReminders(String column, LocalDate due, WorkingCalendar calendar) {
		List<UUID> claimed = this.jdbc
			.sql("UPDATE reporting_obligation SET " + column + " = now() WHERE due_on = :due"
					+ " AND status IN ('OPEN', 'RETURNED') AND " + column + " IS NULL RETURNING id")
			.param("due", Date.valueOf(due))
			.query(UUID.class)
			.list();
		return claimed.stream().map((id) -> find(id, calendar).orElseThrow()).toList();
	}

	Optional<byte[]> document(UUID id) {
		return this.jdbc.sql("SELECT document FROM reporting_obligation WHERE id = :id AND document IS NOT NULL")
			.param("id", id)
			.query(byte[].class)
			.optional();
	}

	private static Obligation map(ResultSet rs, WorkingCalendar calendar) throws SQLException {
		LocalDate due = rs.getDate("due_on").toLocalDate();
		Instant submitted = Timestamps.instant(rs.getTimestamp("submitted_at"));
		int late = (submitted != null)
				? ObligationRule.workingDaysLate(due, submitted.atZone(CityTime.ZONE).toLocalDate(), calendar) : 0;
		return new Obligation(rs.getObject("id", UUID.class), ObligationKind.valueOf(rs.getString("kind")),
				rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
				rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
				rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(), due,
				ObligationStatus.valueOf(rs.getString("status")), submitted, rs.getString("note"),
				rs.getString("document_name"), rs.getObject("report_id", UUID.class), rs.getString("decided_by"),
				Timestamps.instant(rs.getTimestamp("decided_at")), rs.getString("return_reason"), late);
	}

	static Timestamp at(Instant instant) {
		return Timestamp.from(instant);
	}

}
