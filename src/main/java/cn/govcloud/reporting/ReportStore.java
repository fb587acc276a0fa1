package cn.govcloud.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.reporting.ReportDrafting.Party;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.Timestamps;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored reports. Name-only joins (ADR 0016): the unit's and the supplier's names.
 */
@Repository
class ReportStore {

	static final Ledger LEDGER = new Ledger("reporting_report", "status", "reporting_report_event", "report_id");

	static final Sortable SORTABLE = Sortable.by("r.month DESC, u.name, s.name, r.version DESC", "r.id")
		.field("number", "r.number")
		.field("month", "r.month")
		.field("unitName", "u.name")
		.field("supplierName", "s.name")
		.field("status", "r.status")
		.field("dueOn", "r.due_on")
		.field("submittedAt", "r.submitted_at");

	private static final String SELECT = """
			SELECT r.id, r.number, r.unit_id, u.name AS unit_name, r.supplier_id, s.name AS supplier_name, r.month,
			       r.version, r.status, r.narrative, r.suggestions, r.due_on, r.drafted_at, r.submitted_at,
			       r.decided_by, r.decided_at
			FROM reporting_report r JOIN organization u ON u.id = r.unit_id JOIN organization s ON s.id = r.supplier_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ReportStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Drafts the report of a unit and supplier for a month: the first version when there
	 * is none, the draft replaced when the latest version is a draft; a submitted latest
	 * version is kept as it is (a correction is a new version, made by the supplier).
	 * @return whether a draft was written
	 */
	boolean saveDraft(Party party, YearMonth month, ReportContent content, LocalDate dueOn, Instant at) {
		String stored = this.json.writeValueAsString(content);
		Optional<String> latest = this.jdbc.sql("""
				SELECT status FROM reporting_report WHERE unit_id = :unit AND supplier_id = :supplier AND month = :month
				ORDER BY version DESC LIMIT 1
				""")
			.param("unit", party.unitId())
			.param("supplier", party.supplierId())
			.param("month", Date.valueOf(month.atDay(1)))
			.query(String.class)
			.optional();
		if (latest.isEmpty()) {
			insert(party, month, 1, stored, null, null, dueOn, at);
			return true;
		}
		return ReportStatus.DRAFT.name().equals(latest.get()) && this.jdbc.sql("""
				UPDATE reporting_report SET content = CAST(:content AS jsonb), drafted_at = :at
				WHERE unit_id = :unit AND supplier_id = :supplier AND month = :month AND status = 'DRAFT'
				""")
			.param("content", stored)
			.param("at", Timestamp.from(at))
			.param("unit", party.unitId())
			.param("supplier", party.supplierId())
			.param("month", Date.valueOf(month.atDay(1)))
			.update() == 1;
	}

	/** The next version of a submitted report, a draft with its figures and texts. */
	UUID correction(MonthlyReport report, Instant at) {
		return insert(new Party(report.unitId(), report.supplierId()), YearMonth.from(report.month()),
				report.version() + 1, contentText(report.id()), report.narrative(), report.suggestions(),
				report.dueOn(), at);
	}

	private UUID insert(Party party, YearMonth month, int version, String content, String narrative, String suggestions,
			LocalDate dueOn, Instant at) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO reporting_report (id, number, unit_id, supplier_id, month, version, status, content,
					                              narrative, suggestions, due_on, drafted_at)
					VALUES (:id, 'YB' || to_char(CAST(:month AS date), 'YYYYMM') || '-' || lpad(nextval('reporting_report_number')::text, 6, '0'),
					        :unit, :supplier, :month, :version, 'DRAFT', CAST(:content AS jsonb), :narrative, :suggestions, :due, :at)
					""")
			.param("id", id)
			.param("month", Date.valueOf(month.atDay(1)))
			.param("unit", party.unitId())
			.param("supplier", party.supplierId())
			.param("version", version)
			.param("content", content)
			.param("narrative", narrative)
			.param("suggestions", suggestions)
			.param("due", Date.valueOf(dueOn))
			.param("at", Timestamp.from(at))
			.update();
		return id;
	}

	/** The supplier's texts, while the report is a draft; false when it no longer is. */
	boolean saveTexts(UUID id, String narrative, String suggestions) {
		return this.jdbc.sql(
				"UPDATE reporting_report SET narrative = :narrative, suggestions = :suggestions WHERE id = :id AND status = 'DRAFT'")
			.param("narrative", narrative)
			.param("suggestions", suggestions)
			.param("id", id)
			.update() == 1;
	}

	Optional<MonthlyReport> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(ReportStore::map).optional();
	}

	ReportContent content(UUID id) {
		String stored = contentText(id);
		return (stored != null) ? this.json.readValue(stored, ReportContent.class) : null;
	}

	private String contentText(UUID id) {
		return this.jdbc.sql("SELECT CAST(content AS text) FROM reporting_report WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Every version of the same unit's, supplier's and month's report, newest first. */
	List<MonthlyReport> versions(MonthlyReport report) {
		return this.jdbc.sql(SELECT + """
				 WHERE r.unit_id = :unit AND r.supplier_id = :supplier AND r.month = :month ORDER BY r.version DESC
				""")
			.param("unit", report.unitId())
			.param("supplier", report.supplierId())
			.param("month", Date.valueOf(report.month()))
			.query(ReportStore::map)
			.list();
	}

	Page<MonthlyReport> search(DataScope scope, ReportFilter filter, Page.Request request) {
		DataScope.SqlFilter party = scope.sqlParty("r.unit_id", "r.supplier_id");
		String where = " WHERE " + party.clause() + filter.sql();
		long total = filter.bind(party.bind(this.jdbc.sql("SELECT count(*) FROM reporting_report r" + where)))
			.query(Long.class)
			.single();
		List<MonthlyReport> items = filter
			.bind(party.bind(this.jdbc.sql(SELECT + where + " ORDER BY " + SORTABLE.orderBy(request.order())
					+ " LIMIT :limit OFFSET :offset")))
			.param("limit", request.size())
			.param("offset", request.offset())
			.query(ReportStore::map)
			.list();
		return request.of(items, total);
	}

	static MonthlyReport map(ResultSet rs, int n) throws SQLException {
		return new MonthlyReport(rs.getObject("id", UUID.class), rs.getString("number"),
				rs.getObject("unit_id", UUID.class), rs.getString("unit_name"), rs.getObject("supplier_id", UUID.class),
				rs.getString("supplier_name"), rs.getDate("month").toLocalDate(), rs.getInt("version"),
				ReportStatus.valueOf(rs.getString("status")), rs.getString("narrative"), rs.getString("suggestions"),
				rs.getDate("due_on").toLocalDate(), rs.getTimestamp("drafted_at").toInstant(),
				Timestamps.instant(rs.getTimestamp("submitted_at")), rs.getString("decided_by"),
				Timestamps.instant(rs.getTimestamp("decided_at")));
	}

}
