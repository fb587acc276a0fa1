package cn.govcloud.contract;

import java.time.Duration;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.ClusterJobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contracts' days: a filed contract becomes active on its start date and ends after
 * its end date; the unit's administrators are warned 60, 30 and 7 days before the end,
 * once each. Runs every hour (and is safe on several nodes: each step is a conditional
 * update or an insert that happens once).
 */
@Component
class ContractCalendar {

	static final List<Integer> WARNINGS = List.of(60, 30, 7);

	private final JdbcClient jdbc;

	private final Inbox inbox;

	private final ClusterJobs jobs;

	ContractCalendar(JdbcClient jdbc, Inbox inbox, ClusterJobs jobs) {
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	@Scheduled(fixedDelayString = "${govcloud.contracts.calendar-interval:PT1H}",
			initialDelayString = "${govcloud.contracts.calendar-initial-delay:PT1M}")
	void run() {
		this.jobs.once("contract.calendar", Duration.ofMinutes(30), Duration.ZERO, () -> advance(CityTime.today()));
	}

	@Transactional
	public void advance(LocalDate today) {
		this.jdbc.sql("UPDATE contract SET status = 'ACTIVE' WHERE status = 'FILED' AND term_start <= :today")
			.param("today", Date.valueOf(today))
			.update();
		this.jdbc.sql("UPDATE contract SET status = 'ENDED' WHERE status IN ('FILED', 'ACTIVE') AND term_end < :today")
			.param("today", Date.valueOf(today))
			.update();
		for (int i = 0; i < WARNINGS.size(); i++) {
			int above = (i + 1 < WARNINGS.size()) ? WARNINGS.get(i + 1) : -1;
			warn(today, WARNINGS.get(i), above);
		}
	}

	/**
	 * The warning of {@code days} goes to contracts ending in more than {@code above} and
	 * at most {@code days} days.
	 */
	private void warn(LocalDate today, int days, int above) {
		List<Due> due = this.jdbc.sql("""
				INSERT INTO contract_reminder (contract_id, days_before, sent_at)
				SELECT c.id, :days, now() FROM contract c
				WHERE c.status IN ('FILED', 'ACTIVE') AND c.term_end - :today <= :days AND c.term_end - :today > :above
				ON CONFLICT DO NOTHING
				RETURNING contract_id
				""")
			.param("days", days)
			.param("above", above)
			.param("today", Date.valueOf(today))
			.query(UUID.class)
			.list()
			.stream()
			.map(this::due)
			.toList();
		for (Due contract : due) {
			this.inbox.notifyRole(contract.unitId(), Role.UNIT_ADMIN,
					Notice
						.of(NoticeCategory.REMINDER, "notice.contract.expiring", contract.number(), days,
								contract.termEnd().toString())
						.linkingTo("/contracts/" + contract.id()));
		}
	}

	private Due due(UUID id) {
		return this.jdbc.sql("SELECT id, number, unit_id, term_end FROM contract WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("number"),
					rs.getObject("unit_id", UUID.class), rs.getDate("term_end").toLocalDate()))
			.single();
	}

	private record Due(UUID id, String number, UUID unitId, LocalDate termEnd) {
	}

}
