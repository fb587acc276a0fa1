package cn.govcloud.security;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.StateChange.History;
import cn.govcloud.shared.Text;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly emergency drills (Art. 14): the supplier plans a drill for the units it serves,
 * reports it once with the problems found, and follows each problem up.
 */
@Service
public class Drills {

	static final Ledger LEDGER = new Ledger("security_drill", "status", "security_drill_event", "drill_id");

	static final int MAX_PROBLEMS = 50;

	private static final String SELECT = """
			SELECT d.id, d.supplier_id, s.name AS supplier_name, d.year, d.plan, d.scenario, d.held_on,
			       d.participants, d.status, d.report, d.decided_by, d.decided_at
			FROM security_drill d JOIN organization s ON s.id = d.supplier_id
			""";

	static final Sortable SORTABLE = Sortable.by("d.held_on DESC", "d.id")
		.field("heldOn", "d.held_on")
		.field("supplierName", "s.name")
		.field("status", "d.status");

	private final JdbcClient jdbc;

	private final Decisions decisions;

	private final Publications publications;

	Drills(JdbcClient jdbc, Decisions decisions, Publications publications) {
		this.jdbc = jdbc;
		this.decisions = decisions;
		this.publications = publications;
	}

	@Transactional
	public Drill plan(DataScope scope, DrillForm form) {
		GovCloudPrincipal by = Bulletins.supplier(scope);
		FieldChecks checks = new FieldChecks();
		String plan = checks.required("plan", form.plan(), 4000);
		String scenario = checks.required("scenario", form.scenario(), 2000);
		checks.day("heldOn", form.heldOn());
		if (form.heldOn() != null && (form.heldOn().getYear() < 2000 || form.heldOn().getYear() > 2100)) {
			checks.refuse("heldOn", "inspection.date.invalid");
		}
		String participants = checks.required("participants", form.participants(), 2000);
		checks.check();
		UUID id = UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.jdbc.sql("""
				INSERT INTO security_drill (id, supplier_id, year, plan, scenario, held_on, participants, status,
				    created_by, created_at)
				VALUES (:id, :supplier, :year, :plan, :scenario, :heldOn, :participants, 'PLANNED', :by, :at)
				""")
			.param("id", id)
			.param("supplier", by.organizationId())
			.param("year", form.heldOn().getYear())
			.param("plan", plan)
			.param("scenario", scenario)
			.param("heldOn", Date.valueOf(form.heldOn()))
			.param("participants", participants)
			.param("by", by.userId())
			.param("at", Timestamp.from(now))
			.update();
		for (UUID unit : new LinkedHashSet<>(this.publications.unitsOf(by.organizationId()))) {
			this.jdbc.sql("INSERT INTO security_drill_unit (drill_id, unit_id) VALUES (:d, :u)")
				.param("d", id)
				.param("u", unit)
				.update();
		}
		this.decisions.record(LEDGER, id, new History(Drill.Status.PLANNED.name(), by.userId(), scenario, now));
		return find(scope, id);
	}

	/**
	 * The supplier reports the drill with the problems found, one a line; of two reports
	 * at once one wins. The units are told and the year's drill obligation is fulfilled.
	 */
	@Transactional
	public Drill report(DataScope scope, UUID id, String report, String problems) {
		GovCloudPrincipal by = Bulletins.supplier(scope);
		Drill drill = find(scope, id);
		List<String> found = (problems != null)
				? problems.lines().map(Text::stripToNull).filter(Objects::nonNull).toList() : List.of();
		FieldChecks checks = new FieldChecks();
		if (found.size() > MAX_PROBLEMS) {
			checks.refuse("problems", "drill.problems.tooMany", MAX_PROBLEMS);
		}
		if (found.stream().anyMatch((p) -> p.length() > 2000)) {
			checks.refuse("problems", "finding.text.tooLong", 2000);
		}
		checks.check();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.decisions.persist(LEDGER, drill.report(report, by.userId(), by.displayName(), now), () -> find(scope, id));
		int position = 0;
		for (String problem : found) {
			this.jdbc.sql("""
					INSERT INTO security_drill_problem (id, drill_id, position, description)
					VALUES (:id, :d, :p, :text)
					""")
				.param("id", UUID.randomUUID())
				.param("d", id)
				.param("p", ++position)
				.param("text", problem)
				.update();
		}
		this.publications.tell(units(id),
				Publications.notice("notice.drill.reported", "/drills/" + id, drill.year(), drill.scenario()));
		this.publications.fulfil(SecurityDutyDone.Duty.DRILL, by, drill.heldOn(), "drill " + drill.year());
		return find(scope, id);
	}

	/** The supplier records a problem's follow-up; of two at once one wins. */
	@Transactional
	public void followUp(DataScope scope, UUID id, UUID problemId, String text) {
		Bulletins.supplier(scope);
		Drill drill = find(scope, id);
		FieldChecks checks = new FieldChecks();
		String followUp = checks.required("followUp", text, 2000);
		checks.check();
		int updated = this.jdbc.sql("""
				UPDATE security_drill_problem SET follow_up = :text, resolved_at = :at
				WHERE id = :problem AND drill_id = :drill AND resolved_at IS NULL
				""")
			.param("text", followUp)
			.param("at", Timestamp.from(Instant.now()))
			.param("problem", problemId)
			.param("drill", drill.id())
			.update();
		if (updated == 0) {
			if (problems(scope, id).stream().noneMatch((p) -> p.id().equals(problemId))) {
				throw new NotFoundException("problem", problemId);
			}
			throw new ConflictException("drill.problem.followedUp");
		}
	}

	public Drill find(DataScope scope, UUID id) {
		DataScope.SqlFilter filter = Bulletins.filter(scope, "security_drill_unit", "drill_id", "d");
		return filter.bind(this.jdbc.sql(SELECT + " WHERE d.id = :id AND " + filter.clause()))
			.param("id", id)
			.query(Drills::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("drill", id));
	}

	public List<Drill.Problem> problems(DataScope scope, UUID id) {
		return this.jdbc.sql("""
				SELECT id, position, description, follow_up, resolved_at FROM security_drill_problem
				WHERE drill_id = :d ORDER BY position
				""")
			.param("d", find(scope, id).id())
			.query((rs, n) -> new Drill.Problem(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
					rs.getString(4), Timestamps.instant(rs.getTimestamp(5))))
			.list();
	}

	public Page<Drill> search(DataScope scope, String sort, int page, int size) {
		Page.Request request = Page.request(page, size, SORTABLE.parse(sort));
		DataScope.SqlFilter filter = Bulletins.filter(scope, "security_drill_unit", "drill_id", "d");
		long total = filter.bind(this.jdbc.sql("SELECT count(*) FROM security_drill d WHERE " + filter.clause()))
			.query(Long.class)
			.single();
		List<Drill> rows = filter
			.bind(this.jdbc.sql(SELECT + " WHERE " + filter.clause() + " ORDER BY " + SORTABLE.orderBy(request.order())
					+ " LIMIT :limit OFFSET :offset"))
			.param("limit", request.size())
			.param("offset", request.offset())
			.query(Drills::map)
			.list();
		return request.of(rows, total);
	}

	private Set<UUID> units(UUID drillId) {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT unit_id FROM security_drill_unit WHERE drill_id = :d")
			.param("d", drillId)
			.query(UUID.class)
			.list());
	}

	private static Drill map(ResultSet rs, int row) throws SQLException {
		return new Drill(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
				rs.getString("supplier_name"), rs.getInt("year"), rs.getString("plan"), rs.getString("scenario"),
				rs.getDate("held_on").toLocalDate(), rs.getString("participants"),
				Drill.Status.valueOf(rs.getString("status")), rs.getString("report"), rs.getString("decided_by"),
				Timestamps.instant(rs.getTimestamp("decided_at")));
	}

}
