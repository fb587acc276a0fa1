package cn.govcloud.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction surveys (Art. 19): the Commission opens and closes them; each respondent
 * of a unit answers once, every question (a second answer, even a concurrent one, is
 * refused by the table's unique key, not by a read before the write).
 */
@Service
public class Surveys {

	static final Sortable SORTABLE = Sortable.by("s.opened_at DESC, s.id", "s.id")
		.field("year", "s.year")
		.field("title", "s.title")
		.field("status", "s.status")
		.field("openedAt", "s.opened_at")
		.field("responses", "responses");

	private final JdbcClient jdbc;

	private final SurveyResults results;

	private final AuditTrail audit;

	Surveys(JdbcClient jdbc, SurveyResults results, AuditTrail audit) {
		this.jdbc = jdbc;
		this.results = results;
		this.audit = audit;
	}

	@Transactional
	public UUID open(DataScope scope, SurveyForm form) {
		List<String> questions = SurveyRules.checked(form);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO survey (id, year, half, title, status, opened_by, opened_at)
				VALUES (:id, :year, :half, :title, 'OPEN', :by, :at)
				""")
			.param("id", id)
			.param("year", form.year())
			.param("half", form.half())
			.param("title", form.title().strip())
			.param("by", scope.principal().userId())
			.param("at", Timestamp.from(Instant.now()))
			.update();
		for (int i = 0; i < questions.size(); i++) {
			this.jdbc.sql("INSERT INTO survey_question (survey_id, position, text) VALUES (:id, :position, :text)")
				.param("id", id)
				.param("position", i + 1)
				.param("text", questions.get(i))
				.update();
		}
		this.audit.record("survey.open", "survey " + id, AuditOutcome.SUCCESS, form.year() + " " + form.title());
		return id;
	}

	/** A unit's respondent answers, once. */
	@Transactional
	public void answer(DataScope scope, UUID id, AnswerForm form) {
		SurveyStatus status = status(id);
		if (scope.principal().organizationKind() != OrganizationKind.UNIT) {
			throw new NotFoundException("survey", id);
		}
		if (status != SurveyStatus.OPEN) {
			throw new ConflictException("survey.closed");
		}
		List<Integer> answers = SurveyRules.checked(form, this.results.questions(id).size());
		UUID response = UUID.randomUUID();
		int inserted = this.jdbc.sql("""
				INSERT INTO survey_response (id, survey_id, respondent_id, unit_id, answered_at)
				VALUES (:response, :id, :who, :unit, :at) ON CONFLICT ON CONSTRAINT survey_response_once DO NOTHING
				""")
			.param("response", response)
			.param("id", id)
			.param("who", scope.principal().userId())
			.param("unit", scope.principal().organizationId())
			.param("at", Timestamp.from(Instant.now()))
			.update();
		if (inserted == 0) {
			throw new ConflictException("survey.alreadyAnswered");
		}
		for (int i = 0; i < answers.size(); i++) {
			this.jdbc.sql("INSERT INTO survey_answer (response_id, position, score) VALUES (:r, :p, :s)")
				.param("r", response)
				.param("p", i + 1)
				.param("s", answers.get(i))
				.update();
		}
	}

	/** The Commission closes an open survey; its results are then final. */
	@Transactional
	public void close(DataScope scope, UUID id) {
		status(id);
		int closed = this.jdbc
			.sql("UPDATE survey SET status = 'CLOSED', closed_at = :at WHERE id = :id AND status = 'OPEN'")
			.param("id", id)
			.param("at", Timestamp.from(Instant.now()))
			.update();
		if (closed == 0) {
			throw new ConflictException("survey.closed");
		}
		this.audit.record("survey.close", "survey " + id, AuditOutcome.SUCCESS);
	}

	public Page<SurveySummary> search(String sort, int page, int size) {
		Page.Request request = Page.request(page, size, SORTABLE.parse(sort));
		List<SurveySummary> items = this.jdbc.sql("""
				SELECT s.*, (SELECT count(*) FROM survey_response r WHERE r.survey_id = s.id) AS responses
				FROM survey s ORDER BY %s LIMIT :limit OFFSET :offset
				""".formatted(SORTABLE.orderBy(request.order())))
			.param("limit", request.size())
			.param("offset", request.offset())
			.query((rs, n) -> new SurveySummary(rs.getObject("id", UUID.class), rs.getInt("year"),
					rs.getObject("half", Integer.class), rs.getString("title"),
					SurveyStatus.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
					rs.getLong("responses")))
			.list();
		return request.of(items, this.jdbc.sql("SELECT count(*) FROM survey").query(Long.class).single());
	}

	public SurveyView view(DataScope scope, UUID id) {
		return this.results.view(scope, id);
	}

	private SurveyStatus status(UUID id) {
		return this.jdbc.sql("SELECT status FROM survey WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> SurveyStatus.valueOf(rs.getString(1)))
			.optional()
			.orElseThrow(() -> new NotFoundException("survey", id));
	}

}
