package cn.govcloud.assessment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.Decisions.Ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issued assessments with their history, final lines and the manual adjustments.
 */
@Repository
class AssessmentStore {

	static final Ledger LEDGER = new Ledger("assessment", "status", "assessment_event", "assessment_id");

	private final JdbcClient jdbc;

	AssessmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AssessmentRecord> find(int year, UUID supplierId) {
		return this.jdbc.sql("SELECT * FROM assessment WHERE year = :year AND supplier_id = :supplier")
			.param("year", year)
			.param("supplier", supplierId)
			.query(AssessmentStore::record)
			.optional();
	}

	/** The assessment, locked until the caller's transaction ends. */
	Optional<AssessmentRecord> lock(int year, UUID supplierId) {
		return this.jdbc.sql("SELECT * FROM assessment WHERE year = :year AND supplier_id = :supplier FOR UPDATE")
			.param("year", year)
			.param("supplier", supplierId)
			.query(AssessmentStore::record)
			.optional();
	}

	/**
	 * @return false when the year's assessment of the supplier was issued already
	 */
	boolean issue(UUID id, String number, int year, UUID supplierId, String by, Instant at, LocalDate due) {
		return this.jdbc.sql("""
				INSERT INTO assessment (id, number, year, supplier_id, status, issued_by, issued_at, objection_due)
				VALUES (:id, :number, :year, :supplier, 'ISSUED', :by, :at, :due)
				ON CONFLICT ON CONSTRAINT assessment_once DO NOTHING
				""")
			.param("id", id)
			.param("number", number)
			.param("year", year)
			.param("supplier", supplierId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("due", Date.valueOf(due))
			.update() == 1;
	}

	void finalLines(UUID id, ScoreCard card) {
		for (int i = 0; i < card.lines().size(); i++) {
			ScoreCard.Line line = card.lines().get(i);
			this.jdbc.sql("""
					INSERT INTO assessment_final_line (assessment_id, position, code, value, points, effective_weight)
					VALUES (:id, :position, :code, :value, :points, :weight)
					""")
				.param("id", id)
				.param("position", i + 1)
				.param("code", line.indicator().code())
				.param("value", line.value())
				.param("points", line.points())
				.param("weight", line.effectiveWeight())
				.update();
		}
	}

	/** The final lines as scored: value, points and effective weight by code. */
	List<FinalLine> finalLines(UUID id) {
		return this.jdbc.sql("SELECT * FROM assessment_final_line WHERE assessment_id = :id ORDER BY position")
			.param("id", id)
			.query((rs, n) -> new FinalLine(rs.getString("code"), rs.getObject("value", Double.class),
					rs.getObject("points", Double.class), rs.getDouble("effective_weight")))
			.list();
	}

	List<History> history(UUID id) {
		return this.jdbc.sql("""
				SELECT occurred_at, action, reason FROM assessment_event WHERE assessment_id = :id ORDER BY occurred_at
				""")
			.param("id", id)
			.query((rs, n) -> new History(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
			.list();
	}

	void adjust(int year, UUID supplierId, StoredAdjustment adjustment, UUID by) {
		this.jdbc
			.sql("""
					INSERT INTO assessment_adjustment (id, year, supplier_id, points, reason, made_by, made_by_name, made_at)
					VALUES (:id, :year, :supplier, :points, :reason, :by, :name, :at)
					""")
			.param("id", adjustment.id())
			.param("year", year)
			.param("supplier", supplierId)
			.param("points", adjustment.points())
			.param("reason", adjustment.reason())
			.param("by", by)
			.param("name", adjustment.madeBy())
			.param("at", Timestamp.from(adjustment.madeAt()))
			.update();
	}

	List<StoredAdjustment> adjustments(int year, UUID supplierId) {
		return this.jdbc.sql("""
				SELECT * FROM assessment_adjustment WHERE year = :year AND supplier_id = :supplier ORDER BY made_at, id
				""")
			.param("year", year)
			.param("supplier", supplierId)
			.query((rs, n) -> new StoredAdjustment(rs.getObject("id", UUID.class), rs.getDouble("points"),
					rs.getString("reason"), rs.getString("made_by_name"), rs.getTimestamp("made_at").toInstant()))
			.list();
	}

	private static AssessmentRecord record(ResultSet rs, int n) throws SQLException {
		return new AssessmentRecord(rs.getObject("id", UUID.class), rs.getString("number"), rs.getInt("year"),
				rs.getObject("supplier_id", UUID.class), AssessmentStatus.valueOf(rs.getString("status")),
				rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(),
				rs.getDate("objection_due").toLocalDate(), rs.getString("objection_reason"),
				rs.getString("objected_by"), instant(rs.getTimestamp("objected_at")), rs.getString("answer"),
				rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")),
				rs.getObject("rules_version", Integer.class), rs.getObject("computed", Double.class),
				rs.getObject("adjusted", Double.class), rs.getObject("total", Double.class),
				rs.getObject("ratio_percent", Integer.class), rs.getObject("continues", Boolean.class));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	record FinalLine(String code, Double value, Double points, double effectiveWeight) {
	}

	/** One line of an assessment's history. */
	public record History(Instant at, String action, String reason) {
	}

}
