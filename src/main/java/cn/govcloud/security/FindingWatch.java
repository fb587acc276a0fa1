package cn.govcloud.security;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ClusterJobs;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches the findings' deadlines (Art. 14): the responsible party is reminded some days
 * before the deadline and told on it; a finding still not closed after it escalates to
 * the Commission's manager. Each notice goes out once, whichever node sees it first (the
 * update that sets its time claims it).
 */
@Component
class FindingWatch {

	private final FindingRepository repository;

	private final FindingNotices notices;

	private final InspectionSettings settings;

	private final ClusterJobs jobs;

	FindingWatch(FindingRepository repository, FindingNotices notices, InspectionSettings settings, ClusterJobs jobs) {
		this.repository = repository;
		this.notices = notices;
		this.settings = settings;
		this.jobs = jobs;
	}

	@Scheduled(fixedDelayString = "${govcloud.security.findings.watch-interval:10m}", initialDelayString = "50s")
	void watch() {
		this.jobs.once("security.findings", Duration.ofMinutes(10), Duration.ZERO,
				() -> tell(CityTime.today(), Instant.now()));
	}

	/** Sends what is due on {@code today}; returns how many notices went out. */
	@Transactional
	int tell(LocalDate today, Instant now) {
		int told = 0;
		for (Finding finding : this.repository.openDueBy(today.plusDays(this.settings.remindDaysBefore()))) {
			LocalDate deadline = finding.deadline();
			if (today.isBefore(deadline) && this.repository.markTold(finding.id(), "reminded_at", now)) {
				this.notices.toResponsible(finding, "reminder");
				told++;
			}
			if (!today.isBefore(deadline) && this.repository.markTold(finding.id(), "due_told_at", now)) {
				this.notices.toResponsible(finding, "due");
				told++;
			}
			if (today.isAfter(deadline) && this.repository.markTold(finding.id(), "escalated_at", now)) {
				this.notices.overdue(finding);
				told++;
			}
		}
		return told;
	}

}
