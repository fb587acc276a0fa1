package cn.govcloud.inventory;

import java.time.Duration;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.ClusterJobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consistency check, run every day (PRODUCT C6;
 * {@code govcloud.inventory.consistency-cron}, by default 02:30 city time; {@code -}
 * turns it off). When it finds violations the Commission's managers are told, once per
 * city day: the day's row in {@code consistency_run} is inserted once, so several nodes
 * or a rerun tell nobody twice.
 */
@Component
class ConsistencyRun {

	private final ConsistencyCheck check;

	private final JdbcClient jdbc;

	private final Inbox inbox;

	private final Organizations organizations;

	private final ClusterJobs jobs;

	ConsistencyRun(ConsistencyCheck check, JdbcClient jdbc, Inbox inbox, Organizations organizations,
			ClusterJobs jobs) {
		this.jobs = jobs;
		this.check = check;
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.organizations = organizations;
	}

	@Scheduled(cron = "${govcloud.inventory.consistency-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void daily() {
		// Every node's timer fires at 02:30; the first takes the day's run, the others
		// skip.
		this.jobs.once("inventory.consistency", Duration.ofHours(1), Duration.ofHours(1), () -> run(CityTime.today()));
	}

	/**
	 * Runs the check for {@code day} and tells the Commission's managers of violations,
	 * unless the day has run already.
	 * @return the violations found
	 */
	@Transactional
	public List<Violation> run(LocalDate day) {
		List<Violation> found = this.check.violations();
		boolean first = this.jdbc.sql("""
				INSERT INTO consistency_run (day, violations, ran_at) VALUES (:day, :violations, now())
				ON CONFLICT (day) DO NOTHING
				""").param("day", Date.valueOf(day)).param("violations", found.size()).update() == 1;
		if (first && !found.isEmpty()) {
			this.inbox.notifyRole(this.organizations.commission().id(), Role.COMMISSION_MANAGER,
					Notice.of(NoticeCategory.TASK, "notice.consistency.violations", found.size(), day.toString())
						.linkingTo("/inventory/consistency"));
		}
		return found;
	}

}
