package cn.govcloud.systems;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The changes of each system's hosting status, newest first. */
@Repository
class StatusHistory {

	private final JdbcClient jdbc;

	StatusHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(HostingChange change) {
		this.jdbc.sql("""
				INSERT INTO system_status_change (id, system_id, from_status, to_status, target_on, reason, actor,
				                                  changed_at)
				VALUES (:id, :system, :from, :to, :target, :reason, :actor, :at)
				""")
			.param("id", change.id())
			.param("system", change.systemId())
			.param("from", change.from().name())
			.param("to", change.to().name())
			.param("target", (change.targetOn() != null) ? Date.valueOf(change.targetOn()) : null)
			.param("reason", change.reason())
			.param("actor", change.actor())
			.param("at", Timestamp.from(change.changedAt()))
			.update();
	}

	List<HostingChange> of(UUID systemId) {
		return this.jdbc.sql("SELECT * FROM system_status_change WHERE system_id = :system ORDER BY changed_at DESC")
			.param("system", systemId)
			.query(StatusHistory::map)
			.list();
	}

	private static HostingChange map(ResultSet rs, int row) throws SQLException {
		Date target = rs.getDate("target_on");
		return new HostingChange(rs.getObject("id", UUID.class), rs.getObject("system_id", UUID.class),
				HostingStatus.valueOf(rs.getString("from_status")), HostingStatus.valueOf(rs.getString("to_status")),
				(target != null) ? target.toLocalDate() : null, rs.getString("reason"), rs.getString("actor"),
				rs.getTimestamp("changed_at").toInstant());
	}

}
