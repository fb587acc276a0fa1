package cn.govcloud.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.ClusterJobs;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits the incomplete event publications of e-mails whose next attempt is due, and
 * only those (ADR 0019). GovCloud does not republish every incomplete publication at
 * start; e-mail is the one listener that expects to fail and waits for a server.
 */
@Component
class NoticeMailRetry {

	private final MailServer server;

	private final NoticeMailRepository repository;

	private final IncompleteEventPublications publications;

	private final ClusterJobs jobs;

	NoticeMailRetry(MailServer server, NoticeMailRepository repository, IncompleteEventPublications publications,
			ClusterJobs jobs) {
		this.server = server;
		this.repository = repository;
		this.publications = publications;
		this.jobs = jobs;
	}

	@Scheduled(fixedDelayString = "${govcloud.mail.retry-interval:30s}",
			initialDelayString = "${govcloud.mail.retry-interval:30s}")
	void resubmitDue() {
		this.jobs.once("notification.mail-retry", Duration.ofMinutes(10), Duration.ZERO, this::resubmit);
	}

	private void resubmit() {
		if (!this.server.on()) {
			return;
		}
		Set<UUID> due = this.repository.due(Instant.now());
		if (!due.isEmpty()) {
			this.publications
				.resubmitIncompletePublications((publication) -> publication.getEvent() instanceof NoticeMailDue mail
						&& due.contains(mail.notificationId()));
		}
	}

}
