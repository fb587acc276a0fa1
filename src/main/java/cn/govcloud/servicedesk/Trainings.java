package cn.govcloud.servicedesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.organization.Users;
import cn.govcloud.servicedesk.TrainingSession.Form;
import cn.govcloud.servicedesk.TrainingSession.Material;
import cn.govcloud.servicedesk.TrainingSession.Signup;
import cn.govcloud.servicedesk.TrainingSession.Status;
import cn.govcloud.servicedesk.TrainingSession.UnitCount;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DocumentType;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Permission;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Trainings (Art. 11): the supplier plans sessions open to every unit, units sign their
 * people up within the capacity (two sign-ups for the last seat: one gets it), the
 * supplier records who attended, attendees rate the session once.
 */
@Service
class Trainings {

	private static final DataSize MAX_MATERIAL = DataSize.ofMegabytes(20);

	private static final String SELECT = """
			SELECT s.*, o.name AS supplier_name,
			       (SELECT count(*) FROM training_signup u WHERE u.session_id = s.id) AS signed_up
			FROM training_session s JOIN organization o ON o.id = s.supplier_id
			""";

	private final JdbcClient jdbc;

	private final Users users;

	private final AuditTrail audit;

	Trainings(JdbcClient jdbc, Users users, AuditTrail audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
	}

	/** The sessions of a year, soonest first (every reader sees every session). */
	public List<TrainingSession> year(int year) {
		return this.jdbc.sql(SELECT + " WHERE s.starts_at >= :from AND s.starts_at < :to ORDER BY s.starts_at")
			.param("from", Timestamp.from(CityTime.startOf(Year.of(year).atDay(1))))
			.param("to", Timestamp.from(CityTime.startOf(Year.of(year + 1).atDay(1))))
			.query(Trainings::map)
			.list();
	}

	public TrainingSession find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE s.id = :id")
			.param("id", id)
			.query(Trainings::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("training", id));
	}

	@Transactional
	public TrainingSession plan(DataScope scope, Form form) {
		GovCloudPrincipal by = scope.principal();
		List<FieldProblem> problems = new ArrayList<>();
		text(form.topic(), "topic", 200, problems);
		text(form.place(), "place", 300, problems);
		text(form.trainer(), "trainer", 100, problems);
		if (form.description() != null && form.description().length() > 5000) {
			problems.add(new FieldProblem("description", "ticket.text.tooLong", 5000));
		}
		if (form.startsAt() == null || form.startsAt().isBefore(Instant.now())) {
			problems.add(new FieldProblem("startsAt", "training.startsAt.future"));
		}
		if (form.capacity() == null || form.capacity() < 1 || form.capacity() > 1000) {
			problems.add(new FieldProblem("capacity", "training.capacity.range"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO training_session (id, supplier_id, topic, description, starts_at, place, trainer, capacity,
					    status, created_by, created_at)
					VALUES (:id, :supplier, :topic, :description, :startsAt, :place, :trainer, :capacity, 'PLANNED', :by, now())
					""")
			.param("id", id)
			.param("supplier", by.organizationId())
			.param("topic", form.topic().strip())
			.param("description", (form.description() != null) ? form.description().strip() : "")
			.param("startsAt", Timestamp.from(form.startsAt()))
			.param("place", form.place().strip())
			.param("trainer", form.trainer().strip())
			.param("capacity", form.capacity())
			.param("by", by.userId())
			.update();
		this.audit.record("training.plan", "training:" + id, AuditOutcome.SUCCESS);
		return find(id);
	}

	/**
	 * Signs a person of the caller's unit up. Locks the session, so of two sign-ups for
	 * the last seat exactly one gets it.
	 */
	@Transactional
	public TrainingSession signUp(DataScope scope, UUID sessionId, UUID personId) {
		GovCloudPrincipal by = scope.principal();
		UUID person = (personId != null) ? personId : by.userId();
		GovCloudPrincipal attendee = this.users.principalOf(person)
			.filter((p) -> p.organizationId().equals(by.organizationId()))
			.orElseThrow(() -> InvalidInputException.of("userId", "training.signup.notOfUnit"));
		Map<String, Object> session = this.jdbc
			.sql("SELECT status, starts_at, capacity FROM training_session WHERE id = :id FOR UPDATE")
			.param("id", sessionId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("training", sessionId));
		if (!Status.PLANNED.name().equals(session.get("status"))
				|| ((Timestamp) session.get("starts_at")).toInstant().isBefore(Instant.now())) {
			throw InvalidInputException.of("sessionId", "training.signup.closed");
		}
		long taken = this.jdbc.sql("SELECT count(*) FROM training_signup WHERE session_id = :id")
			.param("id", sessionId)
			.query(Long.class)
			.single();
		if (taken >= ((Number) session.get("capacity")).intValue()) {
			throw new ConflictException("training.signup.full");
		}
		int added = this.jdbc.sql("""
				INSERT INTO training_signup (session_id, user_id, unit_id, signed_up_at, signed_up_by)
				VALUES (:session, :user, :unit, now(), :by) ON CONFLICT DO NOTHING
				""")
			.param("session", sessionId)
			.param("user", attendee.userId())
			.param("unit", attendee.organizationId())
			.param("by", by.userId())
			.update();
		if (added == 0) {
			throw new ConflictException("training.signup.twice", attendee.displayName());
		}
		return find(sessionId);
	}

	/**
	 * Who signed up: the supplier and the Commission see everyone, a unit its own people.
	 */
	public List<Signup> signups(DataScope scope, UUID sessionId) {
		TrainingSession session = find(sessionId);
		boolean everyone = scope.seesAll() || isSupplierOf(scope.principal(), session);
		return this.jdbc.sql("""
				SELECT t.user_id, u.display_name, t.unit_id, o.name, t.attended FROM training_signup t
				JOIN app_user u ON u.id = t.user_id JOIN organization o ON o.id = t.unit_id
				WHERE t.session_id = :session AND (:everyone OR t.unit_id = :unit) ORDER BY o.name, u.display_name
				""")
			.param("session", sessionId)
			.param("everyone", everyone)
			.param("unit", scope.principal().organizationId())
			.query((rs, n) -> new Signup(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), (Boolean) rs.getObject(5)))
			.list();
	}

	/** The supplier records who attended; the session is then held. */
	@Transactional
	public TrainingSession recordAttendance(DataScope scope, UUID sessionId, List<UUID> attended) {
		TrainingSession session = own(scope, sessionId);
		if (session.status() == Status.CANCELLED || session.startsAt().isAfter(Instant.now())) {
			throw InvalidInputException.of("attended", "training.attendance.notYet");
		}
		UUID[] present = (attended != null) ? attended.toArray(UUID[]::new) : new UUID[0];
		this.jdbc.sql("UPDATE training_signup SET attended = (user_id = ANY(:present)) WHERE session_id = :id")
			.param("present", present)
			.param("id", sessionId)
			.update();
		this.jdbc.sql("UPDATE training_session SET status = 'HELD' WHERE id = :id").param("id", sessionId).update();
		return find(sessionId);
	}

	@Transactional
	public TrainingSession cancel(DataScope scope, UUID sessionId) {
		TrainingSession session = own(scope, sessionId);
		if (session.status() != Status.PLANNED) {
			throw InvalidInputException.of("status", "training.cancel.notPlanned");
		}
		this.jdbc.sql("UPDATE training_session SET status = 'CANCELLED' WHERE id = :id")
			.param("id", sessionId)
			.update();
		return find(sessionId);
	}

	@Transactional
	public Material attach(DataScope scope, UUID sessionId, String fileName, byte[] content) {
		own(scope, sessionId);
		DocumentType type = DocumentType.checked(fileName, content, MAX_MATERIAL);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO training_material (id, session_id, file_name, content_type, content, uploaded_at, uploaded_by)
					VALUES (:id, :session, :name, :type, :content, now(), :by)
					""")
			.param("id", id)
			.param("session", sessionId)
			.param("name", fileName)
			.param("type", type.contentType())
			.param("content", content)
			.param("by", scope.principal().userId())
			.update();
		return new Material(id, fileName, type.contentType());
	}

	public List<Material> materials(UUID sessionId) {
		return this.jdbc
			.sql("SELECT id, file_name, content_type FROM training_material WHERE session_id = :s ORDER BY uploaded_at")
			.param("s", sessionId)
			.query((rs, n) -> new Material(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.list();
	}

	public Optional<byte[]> material(UUID sessionId, UUID materialId) {
		return this.jdbc.sql("SELECT content FROM training_material WHERE session_id = :s AND id = :id")
			.param("s", sessionId)
			.param("id", materialId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** An attendee rates a held session once. */
	@Transactional
	public void rate(DataScope scope, UUID sessionId, Integer stars, String comment) {
		UUID person = scope.principal().userId();
		boolean attended = this.jdbc
			.sql("SELECT count(*) FROM training_signup WHERE session_id = :s AND user_id = :u AND attended")
			.param("s", sessionId)
			.param("u", person)
			.query(Long.class)
			.single() > 0;
		if (!attended) {
			throw InvalidInputException.of("stars", "training.rating.notAttended");
		}
		if (stars == null || stars < 1 || stars > 5) {
			throw InvalidInputException.of("stars", "ticket.rating.stars");
		}
		if (comment != null && comment.length() > 1000) {
			throw InvalidInputException.of("comment", "ticket.text.tooLong", 1000);
		}
		int added = this.jdbc.sql("""
				INSERT INTO training_rating (session_id, user_id, stars, comment, rated_at)
				VALUES (:s, :u, :stars, :comment, now()) ON CONFLICT DO NOTHING
				""")
			.param("s", sessionId)
			.param("u", person)
			.param("stars", stars)
			.param("comment", (comment != null) ? comment.strip() : "")
			.update();
		if (added == 0) {
			throw new ConflictException("training.rating.twice");
		}
	}

	/** The average rating of a session, or {@code null} before any. */
	public Double averageRating(UUID sessionId) {
		// avg() of no rows is NULL: read it as an object, not as a required double.
		return this.jdbc.sql("SELECT avg(stars)::float8 FROM training_rating WHERE session_id = :s")
			.param("s", sessionId)
			.query((rs, n) -> (Double) rs.getObject(1))
			.list()
			.get(0);
	}

	/** Per unit: sessions attended, people signed up and attended in a year (Art. 11). */
	public List<UnitCount> countsByUnit(DataScope scope, int year) {
		DataScope.SqlFilter filter = scope.sql("t.unit_id");
		return filter
			.bind(this.jdbc.sql("""
					SELECT t.unit_id, o.name, count(DISTINCT t.session_id) FILTER (WHERE t.attended) AS sessions,
					       count(*) AS signed_up, count(*) FILTER (WHERE t.attended) AS attended
					FROM training_signup t JOIN training_session s ON s.id = t.session_id
					JOIN organization o ON o.id = t.unit_id
					WHERE s.starts_at >= :from AND s.starts_at < :to AND s.status <> 'CANCELLED' AND """ + " "
					+ filter.clause() + """

							GROUP BY t.unit_id, o.name ORDER BY o.name
							"""))
			.param("from", Timestamp.from(CityTime.startOf(Year.of(year).atDay(1))))
			.param("to", Timestamp.from(CityTime.startOf(Year.of(year + 1).atDay(1))))
			.query((rs, n) -> new UnitCount(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4),
					rs.getInt(5)))
			.list();
	}

	static boolean isSupplierOf(GovCloudPrincipal who, TrainingSession session) {
		return who.organizationKind() == OrganizationKind.SUPPLIER && who.may(Permission.KEEP_TRAININGS)
				&& who.organizationId().equals(session.supplierId());
	}

	private TrainingSession own(DataScope scope, UUID sessionId) {
		TrainingSession session = find(sessionId);
		if (!isSupplierOf(scope.principal(), session)) {
			throw new NotFoundException("training", sessionId);
		}
		return session;
	}

	private static void text(String value, String field, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "error.field.required"));
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "ticket.text.tooLong", max));
		}
	}

	private static TrainingSession map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new TrainingSession(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
				rs.getString("supplier_name"), rs.getString("topic"), rs.getString("description"),
				rs.getTimestamp("starts_at").toInstant(), rs.getString("place"), rs.getString("trainer"),
				rs.getInt("capacity"), Status.valueOf(rs.getString("status")), rs.getInt("signed_up"));
	}

}
