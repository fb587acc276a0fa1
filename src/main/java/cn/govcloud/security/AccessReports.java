package cn.govcloud.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.security.AccessReport.Emergency;
import cn.govcloud.security.AccessReport.EmergencyOutcome;
import cn.govcloud.security.AccessReport.Violation;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monthly access report per unit (Art. 17), read from the grants' ledger and the
 * bastion host's sessions. A unit reads its own, a supplier those of units it serves
 * (limited to its own grants and sessions), the Commission every unit's.
 */
@Service
public class AccessReports {

	private final JdbcClient jdbc;

	private final AccessSettings settings;

	AccessReports(JdbcClient jdbc, AccessSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** The units the caller may ask a report of, with their names, by name. */
	public Map<UUID, String> units(DataScope scope) {
		DataScope.SqlFilter scoped = scope.sqlParty("x.unit_id", "x.supplier_id");
		return scoped.bind(this.jdbc.sql("""
				SELECT DISTINCT u.id, u.name FROM (
				    SELECT unit_id, supplier_id FROM security_access_grant
				    UNION SELECT unit_id, supplier_id FROM security_access_event) x
				JOIN organization u ON u.id = x.unit_id
				""" + " WHERE " + scoped.clause() + " ORDER BY u.name, u.id"))
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	/**
	 * The report of {@code unitId} for {@code month}.
	 * @throws NotFoundException for a unit out of the caller's scope
	 */
	public AccessReport report(DataScope scope, UUID unitId, YearMonth month) {
		String unitName = this.jdbc.sql("SELECT name FROM organization WHERE id = :id AND kind = 'UNIT'")
			.param("id", unitId)
			.query(String.class)
			.optional()
			.filter((name) -> scope.canRead(unitId))
			.orElseThrow(() -> new NotFoundException("unit", unitId));
		UUID supplier = scope.supplierParty().orElse(null);
		Instant from = CityTime.startOf(month.atDay(1));
		Instant to = CityTime.startOf(month.plusMonths(1).atDay(1));
		Map<String, Integer> actions = this.jdbc.sql("""
				SELECT e.action, count(*) FROM security_access_grant_event e
				JOIN security_access_grant g ON g.id = e.grant_id
				WHERE g.unit_id = :unit AND (CAST(:supplier AS uuid) IS NULL OR g.supplier_id = :supplier)
				  AND e.occurred_at >= :from AND e.occurred_at < :to
				GROUP BY e.action
				""")
			.param("unit", unitId)
			.param("supplier", supplier)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		List<Emergency> emergencies = this.jdbc
			.sql("""
					SELECT g.id, g.number, s.name, g.ticket_number, g.created_at, d.occurred_at, d.action
					FROM security_access_grant g JOIN organization s ON s.id = g.supplier_id
					LEFT JOIN LATERAL (SELECT e.occurred_at, e.action FROM security_access_grant_event e
					    WHERE e.grant_id = g.id AND e.action IN ('APPROVED', 'REFUSED')
					    ORDER BY e.occurred_at, e.id LIMIT 1) d ON TRUE
					WHERE g.unit_id = :unit AND g.emergency AND (CAST(:supplier AS uuid) IS NULL OR g.supplier_id = :supplier)
					  AND g.created_at >= :from AND g.created_at < :to
					ORDER BY g.created_at, g.id
					""")
			.param("unit", unitId)
			.param("supplier", supplier)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> {
				Instant opened = rs.getTimestamp(5).toInstant();
				Instant decided = Timestamps.instant(rs.getTimestamp(6));
				return new Emergency(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
						opened, decided, outcome(rs.getString(7), opened, decided));
			})
			.list();
		int sessions = this.jdbc.sql("""
				SELECT count(*) FROM security_access_event e
				WHERE e.unit_id = :unit AND (CAST(:supplier AS uuid) IS NULL OR e.supplier_id = :supplier)
				  AND e.started_at >= :from AND e.started_at < :to
				""")
			.param("unit", unitId)
			.param("supplier", supplier)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Integer.class)
			.single();
		List<Violation> violations = this.jdbc
			.sql("""
					SELECT e.person, e.instance_name, e.started_at, e.ended_at, e.source_address, e.session_id, s.name
					FROM security_access_event e JOIN organization s ON s.id = e.supplier_id
					WHERE e.unit_id = :unit AND e.violation AND (CAST(:supplier AS uuid) IS NULL OR e.supplier_id = :supplier)
					  AND e.started_at >= :from AND e.started_at < :to
					ORDER BY e.started_at, e.id
					""")
			.param("unit", unitId)
			.param("supplier", supplier)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Violation(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
		String supplierName = (supplier != null) ? scope.principal().organizationName() : null;
		return new AccessReport(unitId, unitName, supplierName, month, actions.getOrDefault("REQUESTED", 0),
				actions.getOrDefault("APPROVED", 0), actions.getOrDefault("REFUSED", 0),
				actions.getOrDefault("REVOKED", 0), emergencies, sessions, violations);
	}

	/**
	 * By the unit's first decision in the ledger (a later revocation does not change it):
	 * approved within the deadline or late, refused, or none yet.
	 */
	private EmergencyOutcome outcome(String decision, Instant opened, Instant decided) {
		if (decision == null) {
			return EmergencyOutcome.UNDECIDED;
		}
		if (GrantStatus.REFUSED.name().equals(decision)) {
			return EmergencyOutcome.REFUSED;
		}
		return decided.isAfter(opened.plus(this.settings.emergencyDecision())) ? EmergencyOutcome.APPROVED_LATE
				: EmergencyOutcome.APPROVED_IN_TIME;
	}

}
