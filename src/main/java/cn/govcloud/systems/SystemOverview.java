package cn.govcloud.systems;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.systems.RegisterOverview.SystemAlert;
import cn.govcloud.systems.RegisterOverview.UnitTally;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Builds the Commission's {@link RegisterOverview} in three queries whatever the number
 * of units: one grouped count, two bounded lists. Scoped like everything else (a unit
 * would see only itself).
 */
@Service
public class SystemOverview {

	/** The most systems each list of the overview holds. */
	public static final int LIST_LIMIT = 500;

	/**
	 * Enabled people holding the officer role, to tell a valid officer from a stale one.
	 */
	private static final String FROM = """
			FROM application_system s
			JOIN organization o ON o.id = s.unit_id
			LEFT JOIN (SELECT u.id, u.organization_id FROM app_user u
			           JOIN user_role r ON r.user_id = u.id AND r.role = 'SECURITY_OFFICER'
			           WHERE u.enabled) officer
			       ON officer.id = s.security_officer_id AND officer.organization_id = s.unit_id
			""";

	private static final String OVERDUE = "s.hosting_status = 'MIGRATING' AND s.migration_target_on < :today";

	private static final String LACKING = "s.hosting_status <> 'OFFLINE' AND (officer.id IS NULL OR s.protection_level IS NULL)";

	private final JdbcClient jdbc;

	private final CityCalendar calendar;

	SystemOverview(JdbcClient jdbc, CityCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	public RegisterOverview overview(DataScope scope) {
		LocalDate today = this.calendar.today();
		List<UnitTally> units = tallies(scope, today);
		UnitTally total = units.stream().reduce(new UnitTally(null, null, 0, 0, 0, 0, 0, 0, 0, 0), UnitTally::plus);
		return new RegisterOverview(today, units, total,
				alerts(scope, today, OVERDUE, "s.migration_target_on, o.name, s.name"),
				alerts(scope, today, LACKING, "o.name, s.name"));
	}

	/** Every unit in scope (inactive ones only if they have systems), counted at once. */
	private List<UnitTally> tallies(DataScope scope, LocalDate today) {
		DataScope.SqlFilter filter = scope.sql("o.id");
		return filter.bind(this.jdbc.sql("""
				SELECT o.id AS unit_id, o.name AS unit_name,
				       count(s.id) FILTER (WHERE s.hosting_status = 'PLANNED') AS planned,
				       count(s.id) FILTER (WHERE s.hosting_status = 'ON_PLATFORM') AS on_platform,
				       count(s.id) FILTER (WHERE s.hosting_status = 'LEGACY_SELF_HOSTED') AS legacy,
				       count(s.id) FILTER (WHERE s.hosting_status = 'MIGRATING') AS migrating,
				       count(s.id) FILTER (WHERE s.hosting_status = 'EXEMPT') AS exempt,
				       count(s.id) FILTER (WHERE s.hosting_status = 'OFFLINE') AS offline,
				       count(s.id) FILTER (WHERE %s) AS overdue,
				       count(s.id) FILTER (WHERE %s) AS lacking
				FROM organization o
				LEFT JOIN application_system s ON s.unit_id = o.id
				LEFT JOIN (SELECT u.id, u.organization_id FROM app_user u
				           JOIN user_role r ON r.user_id = u.id AND r.role = 'SECURITY_OFFICER'
				           WHERE u.enabled) officer
				       ON officer.id = s.security_officer_id AND officer.organization_id = s.unit_id
				WHERE o.kind = 'UNIT' AND %s
				GROUP BY o.id, o.name
				HAVING bool_or(o.active) OR count(s.id) > 0
				ORDER BY o.name
				""".formatted(OVERDUE, LACKING, filter.clause())))
			.param("today", Date.valueOf(today))
			.query((rs, row) -> new UnitTally(rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
					rs.getLong("planned"), rs.getLong("on_platform"), rs.getLong("legacy"), rs.getLong("migrating"),
					rs.getLong("exempt"), rs.getLong("offline"), rs.getLong("overdue"), rs.getLong("lacking")))
			.list();
	}

	private List<SystemAlert> alerts(DataScope scope, LocalDate today, String condition, String order) {
		DataScope.SqlFilter filter = scope.sql("s.unit_id");
		return filter
			.bind(this.jdbc.sql("""
					SELECT s.id, s.name, s.unit_id, o.name AS unit_name, s.hosting_status, s.migration_target_on,
					       officer.id IS NULL AS officer_missing, s.protection_level IS NULL AS level_missing
					""" + FROM + " WHERE " + condition + " AND " + filter.clause() + " ORDER BY " + order
					+ " LIMIT :limit"))
			.param("today", Date.valueOf(today))
			.param("limit", LIST_LIMIT)
			.query(SystemOverview::alert)
			.list();
	}

	private static SystemAlert alert(ResultSet rs, int row) throws SQLException {
		Date target = rs.getDate("migration_target_on");
		return new SystemAlert(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
				HostingStatus.valueOf(rs.getString("hosting_status")), (target != null) ? target.toLocalDate() : null,
				rs.getBoolean("officer_missing"), rs.getBoolean("level_missing"));
	}

}
