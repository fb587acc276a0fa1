package cn.govcloud.servicedesk;

import java.time.Duration;
import java.time.Instant;

import cn.govcloud.calendar.Timeline;
import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.ClusterJobs;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches the running clocks (Art. 19): the supplier's manager is told when a clock has
 * used 75 % of its target, the Commission's manager when it is breached; each notice goes
 * out once, whichever node sees it first. Resolved tickets the unit left unconfirmed for
 * seven days close by themselves.
 */
@Component
class TicketEscalation {

	static final double WARNING = 0.75;

	private final TicketRepository repository;

	private final Tickets tickets;

	private final Inbox inbox;

	private final Organizations organizations;

	private final ClusterJobs jobs;

	TicketEscalation(TicketRepository repository, Tickets tickets, Inbox inbox, Organizations organizations,
			ClusterJobs jobs) {
		this.jobs = jobs;
		this.repository = repository;
		this.tickets = tickets;
		this.inbox = inbox;
		this.organizations = organizations;
	}

	@Scheduled(fixedDelayString = "${govcloud.servicedesk.escalation-interval:60s}",
			initialDelayString = "${govcloud.servicedesk.escalation-initial-delay:30s}")
	void watch() {
		this.jobs.once("servicedesk.escalation", Duration.ofMinutes(10), Duration.ZERO, () -> {
			escalate(Instant.now());
			this.tickets.closeUnconfirmed(Instant.now());
		});
	}

	/** Sends what is due at {@code now}; returns how many notices went out. */
	@Transactional
	int escalate(Instant now) {
		int told = 0;
		for (Ticket ticket : this.repository.running()) {
			Timeline timeline = this.tickets.timeline(ticket);
			if (ticket.acknowledgedAt() == null) {
				told += check(ticket, ticket.responseClock(timeline), "response", now);
			}
			told += check(ticket, ticket.resolutionClock(timeline), "resolution", now);
		}
		return told;
	}

	private int check(Ticket ticket, ServiceClock clock, String which, Instant now) {
		int told = 0;
		double used = clock.used(now);
		if (used >= WARNING && this.repository.markTold(ticket.id(), which + "_warned_at", now)) {
			this.inbox.notifyRole(ticket.supplierId(), Role.SUPPLIER_MANAGER,
					notice(NoticeCategory.REMINDER, "notice.ticket.warning." + which, ticket));
			told++;
		}
		if (clock.breached(now) && this.repository.markTold(ticket.id(), which + "_breached_at", now)) {
			this.inbox.notifyRole(this.organizations.commission().id(), Role.COMMISSION_MANAGER,
					notice(NoticeCategory.REMINDER, "notice.ticket.breach." + which, ticket));
			told++;
		}
		return told;
	}

	private static Notice notice(NoticeCategory category, String code, Ticket ticket) {
		return Notice.of(category, code, ticket.number(), ticket.priority().name(), ticket.title())
			.linkingTo(TicketNotices.link(ticket.id()));
	}

}
