package cn.govcloud.systems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.StateChange;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units' requests for exemptions and the Commission's decisions on them. */
@Repository
class ExemptionRepository {

	private static final String SELECT = """
			SELECT e.*, d.version AS document_version, s.name AS system_name, s.unit_id, o.name AS unit_name,
			       u.display_name AS requester
			FROM system_exemption e
			JOIN system_document d ON d.id = e.document_id
			JOIN application_system s ON s.id = e.system_id
			JOIN organization o ON o.id = s.unit_id
			JOIN app_user u ON u.id = e.requested_by
			""";

	/**
	 * Where requests are decided: their state; they keep no history table of their own.
	 */
	private static final Ledger LEDGER = new Ledger("system_exemption", "state", null, null);

	private final JdbcClient jdbc;

	private final Decisions decisions;

	ExemptionRepository(JdbcClient jdbc, Decisions decisions) {
		this.jdbc = jdbc;
		this.decisions = decisions;
	}

	void insert(UUID id, UUID systemId, String basis, UUID documentId, UUID requestedBy, Instant at) {
		this.jdbc.sql("""
				INSERT INTO system_exemption (id, system_id, basis, document_id, state, requested_by, requested_at)
				VALUES (:id, :system, :basis, :document, 'PENDING', :by, :at)
				""")
			.param("id", id)
			.param("system", systemId)
			.param("basis", basis)
			.param("document", documentId)
			.param("by", requestedBy)
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<ExemptionRequest> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(ExemptionRepository::map).optional();
	}

	Optional<ExemptionRequest> pendingFor(UUID systemId) {
		return this.jdbc.sql(SELECT + " WHERE e.system_id = :system AND e.state = 'PENDING'")
			.param("system", systemId)
			.query(ExemptionRepository::map)
			.optional();
	}

	/** A system's requests, newest first. */
	List<ExemptionRequest> of(UUID systemId) {
		return this.jdbc.sql(SELECT + " WHERE e.system_id = :system ORDER BY e.requested_at DESC")
			.param("system", systemId)
			.query(ExemptionRepository::map)
			.list();
	}

	/** Pending requests in the scope, oldest first: the Commission's queue. */
	List<ExemptionRequest> pending(DataScope scope, int limit) {
		DataScope.SqlFilter filter = scope.sql("s.unit_id");
		return filter
			.bind(this.jdbc.sql(SELECT + " WHERE e.state = 'PENDING' AND " + filter.clause()
					+ " ORDER BY e.requested_at LIMIT :limit"))
			.param("limit", limit)
			.query(ExemptionRepository::map)
			.list();
	}

	/**
	 * Persists a decision the request made, through the one mechanism: of two at once,
	 * the second is told who decided first.
	 */
	void decide(StateChange<ExemptionDecided> decision) {
		this.decisions.persist(LEDGER, decision, () -> find(decision.id()).orElseThrow());
	}

	private static ExemptionRequest map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new ExemptionRequest(rs.getObject("id", UUID.class), rs.getObject("system_id", UUID.class),
				rs.getString("system_name"), rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
				rs.getString("basis"), rs.getInt("document_version"), ExemptionState.valueOf(rs.getString("state")),
				rs.getString("requester"), rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
				Timestamps.instant(decided), rs.getString("decision_reason"));
	}

}
