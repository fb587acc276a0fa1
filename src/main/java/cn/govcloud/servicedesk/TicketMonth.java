package cn.govcloud.servicedesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.CityTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The tickets opened in a month, per unit and supplier, for the monthly report (Art. 12:
 * the O&amp;M report; Art. 19: attainment counted as {@link SlaAttainment} does). One
 * query for all units, or one unit.
 */
@Service
public class TicketMonth {

	private static final String PERIOD = """
			t.opened_at >= :from AND t.opened_at < :to AND (CAST(:unit AS uuid) IS NULL OR t.unit_id = :unit)""";

	private final JdbcClient jdbc;

	TicketMonth(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts by unit, supplier, category and priority. */
	public List<Count> counts(YearMonth month, UUID unitId) {
		return bind(this.jdbc.sql("""
				SELECT t.unit_id, t.supplier_id, t.category, t.priority, count(*) AS tickets,
				       count(t.response_minutes) AS responded,
				       count(*) FILTER (WHERE t.response_minutes <= t.response_target_minutes) AS responded_in_time,
				       count(t.resolution_minutes) AS resolved,
				       count(*) FILTER (WHERE t.resolution_minutes <= t.resolution_target_minutes) AS resolved_in_time,
				       count(*) FILTER (WHERE %s) AS breaches
				FROM servicedesk_ticket t WHERE %s
				GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
				""".formatted(TicketFilter.BREACHED, PERIOD)), month, unitId)
			.query((rs, n) -> new Count(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					TicketCategory.valueOf(rs.getString(3)), Priority.valueOf(rs.getString(4)), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)))
			.list();
	}

	/** The P1 faults opened in the month (incidents), by opening. */
	public List<Incident> incidents(YearMonth month, UUID unitId) {
		return bind(this.jdbc.sql("""
				SELECT t.unit_id, t.supplier_id, t.number, t.title, t.system_name, t.opened_at, t.resolution_minutes,
				       %s AS breached
				FROM servicedesk_ticket t WHERE t.priority = 'P1' AND t.category = 'FAULT' AND %s
				ORDER BY t.opened_at, t.number
				""".formatted(TicketFilter.BREACHED, PERIOD)), month, unitId)
			.query((rs, n) -> new Incident(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), (Integer) rs.getObject(7),
					rs.getBoolean(8)))
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, YearMonth month, UUID unitId) {
		return statement.param("from", Timestamp.from(CityTime.startOf(month.atDay(1))))
			.param("to", Timestamp.from(CityTime.startOf(month.plusMonths(1).atDay(1))))
			.param("unit", unitId);
	}

	/** Tickets of one unit, supplier, category and priority opened in the month. */
	public record Count(UUID unitId, UUID supplierId, TicketCategory category, Priority priority, int tickets,
			int responded, int respondedInTime, int resolved, int resolvedInTime, int breaches) {
	}

	/**
	 * A P1 fault.
	 *
	 * @param resolutionMinutes {@code null} while unresolved
	 */
	public record Incident(UUID unitId, UUID supplierId, String number, String title, String systemName,
			Instant openedAt, Integer resolutionMinutes, boolean breached) {
	}

}
