package cn.govcloud.world;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.calendar.WorkingCalendars;
import cn.govcloud.servicedesk.Priority;
import cn.govcloud.servicedesk.ServiceTargets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A year of tickets for a world whose records are written: raised on the systems that run
 * active hosts (with the supplier of their hosts), counted in the Commission's targets
 * and the city's working calendar of now, numbered from the service desk's sequence,
 * which is moved past the numbers used.
 */
@Component
class DeskHistory {

	private final JdbcClient jdbc;

	private final WorkingCalendars calendars;

	private final ServiceTargets targets;

	DeskHistory(JdbcClient jdbc, WorkingCalendars calendars, ServiceTargets targets) {
		this.jdbc = jdbc;
		this.calendars = calendars;
		this.targets = targets;
	}

	/** Buffers the tickets in the scene's rows; returns how many. */
	int write(Scene scene, int count) {
		List<Desk.Site> sites = this.jdbc.sql("""
				SELECT DISTINCT ON (i.system_id) i.system_id, s.name, i.unit_id, i.supplier_id, i.id, i.name,
				       min(i.active_from) OVER (PARTITION BY i.system_id) AS first_active
				FROM instance i JOIN application_system s ON s.id = i.system_id
				WHERE i.state = 'ACTIVE' AND i.kind_code = 'CLOUD_HOST'
				ORDER BY i.system_id, i.name
				""")
			.query((rs, n) -> new Desk.Site(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6),
					rs.getObject(7, java.time.LocalDate.class)))
			.list();
		Map<UUID, String> names = this.jdbc.sql("SELECT id, display_name FROM app_user")
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<Priority, cn.govcloud.servicedesk.ServiceTarget> byPriority = new EnumMap<>(Priority.class);
		this.targets.all().forEach((t) -> byPriority.put(t.priority(), t));
		long first = this.jdbc.sql("SELECT nextval('servicedesk_ticket_number')").query(Long.class).single();
		long next = new Desk(scene, this.calendars.calendar(), byPriority, names).write(sites, count, first);
		this.jdbc.sql("SELECT setval('servicedesk_ticket_number', :value)")
			.param("value", Math.max(first, next - 1))
			.query()
			.singleRow();
		return (int) (next - first);
	}

}
