package cn.govcloud.request;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.CityTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The applications a unit submitted in a month (Art. 6, 8), by type, and how many were
 * approved in the month: the changes part of the monthly report (Art. 12). One query.
 */
@Service
public class ApplicationMonth {

	private final JdbcClient jdbc;

	ApplicationMonth(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Count> counts(YearMonth month, UUID unitId) {
		return this.jdbc
			.sql("""
					SELECT unit_id, type,
					       count(*) FILTER (WHERE submitted_at >= :from AND submitted_at < :to) AS submitted,
					       count(*) FILTER (WHERE decided_at >= :from AND decided_at < :to AND status = 'APPROVED') AS approved
					FROM resource_application
					WHERE ((submitted_at >= :from AND submitted_at < :to) OR (decided_at >= :from AND decided_at < :to))
					  AND (CAST(:unit AS uuid) IS NULL OR unit_id = :unit)
					GROUP BY 1, 2
					""")
			.param("from", Timestamp.from(CityTime.startOf(month.atDay(1))))
			.param("to", Timestamp.from(CityTime.startOf(month.plusMonths(1).atDay(1))))
			.param("unit", unitId)
			.query((rs, n) -> new Count(rs.getObject(1, UUID.class), ApplicationType.valueOf(rs.getString(2)),
					rs.getInt(3), rs.getInt(4)))
			.list();
	}

	/** One unit's applications of one type: submitted, and approved, in the month. */
	public record Count(UUID unitId, ApplicationType type, int submitted, int approved) {
	}

}
