package cn.govcloud.systems;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.organization.OrganizationName;
import cn.govcloud.organization.Organizations;
import cn.govcloud.organization.RoleHolder;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import cn.govcloud.systems.RegisterOverview.SystemAlert;
import cn.govcloud.systems.RegisterOverview.UnitTally;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the Commission's {@link RegisterOverview} in three queries whatever the number
 * of units: one grouped count, two bounded lists. Scoped like everything else (a unit
 * would see only itself).
 */
@Service
class SystemOverview {

	/** The most systems each list of the overview holds. */
	public static final int LIST_LIMIT = 500;

	/**
	 * Enabled people holding the officer role (asked of the organisation module, bound as
	 * {@code :officers} and {@code :officerUnits}), to tell a valid officer from a stale
	 * one.
	 */
	private static final String OFFICER = """
			LEFT JOIN unnest(CAST(:officers AS uuid[]), CAST(:officerUnits AS uuid[])) AS officer(id, organization_id)
			       ON officer.id = s.security_officer_id AND officer.organization_id = s.unit_id
			""";

	/** The unit's name is joined only to show and order by it (ADR 0016). */
	private static final String FROM = """
			FROM application_system s
			JOIN organization o ON o.id = s.unit_id
			""" + OFFICER;

	private static final String OVERDUE = "s.hosting_status = 'MIGRATING' AND s.migration_target_on < :today";

	private static final String LACKING = "s.hosting_status <> 'OFFLINE' AND (officer.id IS NULL OR s.protection_level IS NULL)";

	private final JdbcClient jdbc;

	private final CityCalendar calendar;

	private final Organizations organizations;

	private final Users users;

	private volatile Kept kept;

	SystemOverview(JdbcClient jdbc, CityCalendar calendar, Organizations organizations, Users users) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.organizations = organizations;
		this.users = users;
	}

	public RegisterOverview overview(DataScope scope) {
		return overview(scope, LIST_LIMIT);
	}

	/**
	 * The same with at most {@code listLimit} systems in each list.
	 *
	 * <p>
	 * The city's overview is kept while the register reads the same: the day, the units,
	 * the officers and every system row's version ({@code xmin} and {@code ctid}, which
	 * any insert, update or delete changes, however it is made). Checking that reads the
	 * 7,500 systems once (a few ms); counting and listing them took 30–60 ms of
	 * PostgreSQL at each view (issue 13, ADR 0052). Another node's change is seen at the
	 * next view, as before.
	 */
	@Transactional
	public RegisterOverview overview(DataScope scope, int listLimit) {
		// Planned for the officers bound each time: a plan made once for any array
		// guesses ten officers and, once units can be read in name order, checks each
		// system against all ~1,500 of them in a loop (153 ms against 5 at tier L; issue
		// 13, ADR 0047).
		this.jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		LocalDate today = this.calendar.today();
		List<RoleHolder> officers = this.users.holdersOf(Role.SECURITY_OFFICER);
		List<OrganizationName> units = this.organizations.names(OrganizationKind.UNIT);
		Register register = scope.seesAll() ? new Register(systemsVersion(), today, listLimit, officers, units) : null;
		Kept kept = this.kept;
		if (register != null && kept != null && kept.register().equals(register)) {
			return kept.overview();
		}
		List<UnitTally> tallies = tallies(scope, today, officers, units);
		UnitTally total = tallies.stream().reduce(new UnitTally(null, null, 0, 0, 0, 0, 0, 0, 0, 0), UnitTally::plus);
		RegisterOverview overview = new RegisterOverview(today, List.copyOf(tallies), total,
				List.copyOf(
						alerts(scope, today, officers, OVERDUE, "s.migration_target_on, o.name, s.name", listLimit)),
				List.copyOf(alerts(scope, today, officers, LACKING, "o.name, s.name", listLimit)));
		if (register != null) {
			this.kept = new Kept(register, overview);
		}
		return overview;
	}

	private String systemsVersion() {
		return this.jdbc.sql(
				"SELECT count(*) || ':' || coalesce(sum(hashtext(xmin::text || ctid::text)), 0) FROM application_system")
			.query(String.class)
			.single();
	}

	/** What the city's overview is made from. */
	private record Register(String systems, LocalDate today, int listLimit, List<RoleHolder> officers,
			List<OrganizationName> units) {
	}

	/** The city's overview and what it was made from. */
	private record Kept(Register register, RegisterOverview overview) {
	}

	private static JdbcClient.StatementSpec officers(JdbcClient.StatementSpec statement, List<RoleHolder> officers) {
		return statement.param("officers", officers.stream().map(RoleHolder::userId).toArray(UUID[]::new))
			.param("officerUnits", officers.stream().map(RoleHolder::organizationId).toArray(UUID[]::new));
	}

	/**
	 * Every unit in scope (inactive ones only if they have systems), counted at once; the
	 * units are asked of the organisation module and bound as arrays.
	 */
	private List<UnitTally> tallies(DataScope scope, LocalDate today, List<RoleHolder> officers,
			List<OrganizationName> units) {
		DataScope.SqlFilter filter = scope.sql("o.id");
		return officers(filter.bind(this.jdbc.sql("""
				SELECT o.id AS unit_id, o.name AS unit_name,
				       count(s.id) FILTER (WHERE s.hosting_status = 'PLANNED') AS planned,
				       count(s.id) FILTER (WHERE s.hosting_status = 'ON_PLATFORM') AS on_platform,
				       count(s.id) FILTER (WHERE s.hosting_status = 'LEGACY_SELF_HOSTED') AS legacy,
				       count(s.id) FILTER (WHERE s.hosting_status = 'MIGRATING') AS migrating,
				       count(s.id) FILTER (WHERE s.hosting_status = 'EXEMPT') AS exempt,
				       count(s.id) FILTER (WHERE s.hosting_status = 'OFFLINE') AS offline,
				       count(s.id) FILTER (WHERE %s) AS overdue,
				       count(s.id) FILTER (WHERE %s) AS lacking
				FROM unnest(CAST(:unitIds AS uuid[]), CAST(:unitNames AS varchar[]), CAST(:unitActive AS boolean[]))
				     AS o(id, name, active)
				LEFT JOIN application_system s ON s.unit_id = o.id
				%s
				WHERE %s
				GROUP BY o.id, o.name
				HAVING bool_or(o.active) OR count(s.id) > 0
				ORDER BY o.name
				""".formatted(OVERDUE, LACKING, OFFICER, filter.clause()))), officers)
			.param("unitIds", units.stream().map(OrganizationName::id).toArray(UUID[]::new))
			.param("unitNames", units.stream().map(OrganizationName::name).toArray(String[]::new))
			.param("unitActive", units.stream().map(OrganizationName::active).toArray(Boolean[]::new))
			.param("today", Date.valueOf(today))
			.query((rs, row) -> new UnitTally(rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
					rs.getLong("planned"), rs.getLong("on_platform"), rs.getLong("legacy"), rs.getLong("migrating"),
					rs.getLong("exempt"), rs.getLong("offline"), rs.getLong("overdue"), rs.getLong("lacking")))
			.list();
	}

	private List<SystemAlert> alerts(DataScope scope, LocalDate today, List<RoleHolder> officers, String condition,
			String order, int limit) {
		DataScope.SqlFilter filter = scope.sql("s.unit_id");
		return officers(filter.bind(this.jdbc.sql("""
				SELECT s.id, s.name, s.unit_id, o.name AS unit_name, s.hosting_status, s.migration_target_on,
				       officer.id IS NULL AS officer_missing, s.protection_level IS NULL AS level_missing
				""" + FROM + " WHERE " + condition + " AND " + filter.clause() + " ORDER BY " + order
				+ " LIMIT :limit")), officers)
			.param("today", Date.valueOf(today))
			.param("limit", limit)
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
