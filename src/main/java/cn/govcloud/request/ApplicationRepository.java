package cn.govcloud.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.catalogue.SpecJson;
import cn.govcloud.shared.SortOrder;
import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Filters;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.SystemId;
import cn.govcloud.shared.UnitId;
import cn.govcloud.shared.Timestamps;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

	/**
	 * Where applications are decided: their status, and their history in
	 * {@code application_event}.
	 */
	static final Ledger LEDGER = new Ledger("resource_application", "status", "application_event", "application_id");

	/**
	 * The people's names are only shown, so they are read for the rows returned; the
	 * system and unit, which lists filter and sort by, are joined. Four joined tables
	 * took PostgreSQL 3–5 ms to plan for each list (issue 13, ADR 0052).
	 */
	private static final String SELECT = """
			SELECT a.*, s.name AS system_name, o.name AS unit_name,
			       (SELECT c.display_name FROM app_user c WHERE c.id = a.created_by) AS created_by_name,
			       (SELECT d.display_name FROM app_user d WHERE d.id = a.decided_by) AS decided_by_name
			FROM resource_application a
			JOIN application_system s ON s.id = a.system_id
			JOIN organization o ON o.id = a.unit_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final SpecJson specs;

	ApplicationRepository(JdbcClient jdbc, JsonMapper json, SpecJson specs) {
		this.jdbc = jdbc;
		this.json = json;
		this.specs = specs;
	}

	Optional<ResourceApplication> findById(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE a.id = :id")
			.param("id", id)
			.query(ApplicationRepository::map)
			.optional()
			.map((application) -> application.withLines(lines(id)));
	}

	/** Locks the application's row: state changes of one application are serialised. */
	void lock(UUID id) {
		this.jdbc.sql("SELECT id FROM resource_application WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query()
			.listOfRows();
	}

	/**
	 * The list's columns: the page's headers and the API's {@code sort}. Its default
	 * order is the newest first, the review queue's the oldest submitted first.
	 */
	static final Sortable SORTABLE = Sortable.by("a.created_at DESC, a.number DESC", "a.number")
		.field("number", "a.number")
		.field("unitName", "o.name")
		.field("systemName", "s.name")
		.field("type", "a.type")
		.field("status", "a.status")
		.field("submittedAt", "a.submitted_at")
		.field("createdAt", "a.created_at");

	List<ResourceApplication> search(DataScope scope, ApplicationFilter filter, SortOrder sort, int offset, int limit) {
		String order = (sort == null && filter.status() == ApplicationStatus.SUBMITTED) ? "a.submitted_at, a.number"
				: SORTABLE.orderBy(sort);
		Filters filters = filters(scope, filter);
		return filters
			.bind(this.jdbc.sql(SELECT + filters.where() + " ORDER BY " + order + " LIMIT :limit OFFSET :offset"))
			.param("limit", limit)
			.param("offset", offset)
			.query(ApplicationRepository::map)
			.list();
	}

	long count(DataScope scope, ApplicationFilter filter) {
		Filters filters = filters(scope, filter);
		// the joins only for the text filter (every application has its system and unit)
		String from = filters.has("text") ? """
				resource_application a JOIN application_system s ON s.id = a.system_id
				JOIN organization o ON o.id = a.unit_id""" : "resource_application a";
		return filters.bind(this.jdbc.sql("SELECT count(*) FROM " + from + filters.where())).query(Long.class).single();
	}

	private static Filters filters(DataScope scope, ApplicationFilter filter) {
		return new Filters(scope.sql("a.unit_id"))
			.and("a.status = :status", "status", (filter.status() != null) ? filter.status().name() : null)
			.and("a.system_id = :systemId", "systemId", filter.systemId())
			.and("a.unit_id = :unitId", "unitId", filter.unitId())
			.and("(a.number ILIKE '%' || :text || '%' OR s.name ILIKE '%' || :text || '%' OR o.name ILIKE '%' || :text || '%')",
					"text", filter.text());
	}

	List<ApplicationLine> linesById(UUID[] ids) {
		return this.jdbc.sql("SELECT * FROM application_line WHERE id = ANY(:ids)")
			.param("ids", ids)
			.query(this::mapLine)
			.list();
	}

	List<ApplicationLine> lines(UUID applicationId) {
		return this.jdbc.sql("SELECT * FROM application_line WHERE application_id = :id ORDER BY position")
			.param("id", applicationId)
			.query(this::mapLine)
			.list();
	}

	String nextNumber(int year) {
		long n = this.jdbc.sql("SELECT nextval('resource_application_number')").query(Long.class).single();
		return String.format("ZY%d-%06d", year, n);
	}

	void insert(ApplicationId id, String number, SystemId systemId, UnitId unitId, ApplicationType type, UUID createdBy,
			Instant now) {
		this.jdbc.sql("""
				INSERT INTO resource_application (id, number, system_id, unit_id, type, status, created_by, created_at)
				VALUES (:id, :number, :system, :unit, :type, 'DRAFT', :by, :now)
				""")
			.param("id", id.value())
			.param("number", number)
			.param("system", systemId.value())
			.param("unit", unitId.value())
			.param("type", type.name())
			.param("by", createdBy)
			.param("now", Timestamp.from(now))
			.update();
	}

	void replaceContent(UUID id, Integer planVersion, String summary, List<CheckedLine> lines) {
		this.jdbc.sql("UPDATE resource_application SET plan_version = :plan, summary = :summary WHERE id = :id")
			.param("id", id)
			.param("plan", planVersion)
			.param("summary", summary)
			.update();
		this.jdbc.sql("DELETE FROM application_line WHERE application_id = :id").param("id", id).update();
		int position = 1;
		for (CheckedLine line : lines) {
			this.jdbc.sql("""
					INSERT INTO application_line (id, application_id, position, kind_code, direction, spec, quantity,
					                              justification)
					VALUES (:id, :application, :position, :kind, :direction, CAST(:spec AS jsonb), :quantity, :why)
					""")
				.param("id", UUID.randomUUID())
				.param("application", id)
				.param("position", position++)
				.param("kind", line.kind())
				.param("direction", line.direction().name())
				.param("spec", this.specs.write(line.spec()))
				.param("quantity", line.quantity())
				.param("why", line.justification())
				.update();
		}
	}

	void approveLine(UUID lineId, Map<String, Object> spec, int quantity, String reason) {
		this.jdbc.sql("""
				UPDATE application_line SET approved_spec = CAST(:spec AS jsonb), approved_quantity = :quantity,
				       cut_reason = :reason
				WHERE id = :id
				""")
			.param("id", lineId)
			.param("spec", this.specs.write(spec))
			.param("quantity", quantity)
			.param("reason", reason)
			.update();
	}

	void saveRevision(ResourceApplication application, int revision, UUID by, Instant at) {
		this.jdbc.sql("""
				INSERT INTO application_revision (application_id, revision, submitted_at, submitted_by, plan_version,
				                                  summary, lines)
				VALUES (:id, :revision, :at, :by, :plan, :summary, CAST(:lines AS jsonb))
				""")
			.param("id", application.id())
			.param("revision", revision)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("plan", application.planVersion())
			.param("summary", application.summary())
			.param("lines", this.json.writeValueAsString(application.lines()))
			.update();
	}

	List<Revision> revisions(UUID applicationId) {
		return this.jdbc.sql("""
				SELECT r.*, u.display_name FROM application_revision r JOIN app_user u ON u.id = r.submitted_by
				WHERE r.application_id = :id ORDER BY r.revision
				""")
			.param("id", applicationId)
			.query((rs, n) -> new Revision(rs.getInt("revision"), rs.getTimestamp("submitted_at").toInstant(),
					rs.getString("display_name"), (Integer) rs.getObject("plan_version"), rs.getString("summary"),
					this.json.readValue(rs.getString("lines"), new TypeReference<List<ApplicationLine>>() {
					})))
			.list();
	}

	List<HistoryEntry> history(UUID applicationId) {
		return this.jdbc.sql("""
				SELECT e.occurred_at, e.action, e.reason, u.display_name
				FROM application_event e LEFT JOIN app_user u ON u.id = e.actor_id
				WHERE e.application_id = :id ORDER BY e.occurred_at, e.action
				""")
			.param("id", applicationId)
			.query((rs, n) -> new HistoryEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("display_name"),
					rs.getString("action"), rs.getString("reason")))
			.list();
	}

	private static ResourceApplication map(ResultSet rs, int row) throws SQLException {
		String decision = rs.getString("decision");
		return new ResourceApplication(rs.getObject("id", UUID.class), rs.getString("number"),
				rs.getObject("system_id", UUID.class), rs.getString("system_name"), rs.getObject("unit_id", UUID.class),
				rs.getString("unit_name"), ApplicationType.valueOf(rs.getString("type")),
				ApplicationStatus.valueOf(rs.getString("status")), rs.getInt("revision"),
				(Integer) rs.getObject("plan_version"), rs.getString("summary"), rs.getObject("created_by", UUID.class),
				rs.getString("created_by_name"), Timestamps.instant(rs.getTimestamp("created_at")),
				Timestamps.instant(rs.getTimestamp("submitted_at")), Timestamps.instant(rs.getTimestamp("decided_at")),
				rs.getString("decided_by_name"), (decision != null) ? Decision.valueOf(decision) : null,
				rs.getString("decision_reason"), List.of());
	}

	/**
	 * A stored spec with whole numbers as {@code Long}, as the catalogue's check gives
	 * them.
	 */
	Map<String, Object> readSpec(String stored) {
		return this.specs.read(stored);
	}

	private ApplicationLine mapLine(ResultSet rs, int row) throws SQLException {
		String approvedSpec = rs.getString("approved_spec");
		return new ApplicationLine(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("kind_code"),
				LineDirection.valueOf(rs.getString("direction")), readSpec(rs.getString("spec")), rs.getInt("quantity"),
				rs.getString("justification"), (approvedSpec != null) ? readSpec(approvedSpec) : null,
				(Integer) rs.getObject("approved_quantity"), rs.getString("cut_reason"));
	}

	/** A line that passed the checks, with its spec normalised by the catalogue. */
	record CheckedLine(String kind, LineDirection direction, Map<String, Object> spec, int quantity,
			String justification) {
	}

}
