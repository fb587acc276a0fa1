package cn.govcloud.servicedesk;

import java.util.UUID;

import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.shared.Role;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells each side of a ticket what waits on it (C16), after the step committed: the
 * supplier's operators of a new ticket, the unit's people of a question or a resolution,
 * the assignee of the unit's answer or a reopening.
 */
@Component
class TicketNotices {

	private final Inbox inbox;

	TicketNotices(Inbox inbox) {
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(TicketOpened opened) {
		Notice notice = Notice
			.of(NoticeCategory.TASK, "notice.ticket.opened", opened.number(), opened.priority().name(),
					opened.systemName(), opened.title())
			.linkingTo(link(opened.ticketId()));
		this.inbox.notifyRole(opened.supplierId(), Role.SUPPLIER_OPERATOR, notice);
	}

	@ApplicationModuleListener
	void on(TicketMoved moved) {
		switch (moved.to()) {
			case WAITING_ON_UNIT -> toUnit(moved, NoticeCategory.TASK, "notice.ticket.question");
			case RESOLVED -> toUnit(moved, NoticeCategory.TASK, "notice.ticket.resolved");
			case IN_PROGRESS -> {
				if (moved.assigneeId() != null
						&& (moved.from() == TicketStatus.WAITING_ON_UNIT || moved.from() == TicketStatus.RESOLVED)) {
					String code = (moved.from() == TicketStatus.RESOLVED) ? "notice.ticket.reopened"
							: "notice.ticket.answered";
					this.inbox.notifyUser(moved.assigneeId(),
							Notice.of(NoticeCategory.TASK, code, moved.number(), moved.title())
								.linkingTo(link(moved.ticketId())));
				}
			}
			default -> {
			}
		}
	}

	private void toUnit(TicketMoved moved, NoticeCategory category, String code) {
		Notice notice = Notice.of(category, code, moved.number(), moved.title()).linkingTo(link(moved.ticketId()));
		moved.unitPeople().forEach((person) -> this.inbox.notifyUser(person, notice));
	}

	static String link(UUID ticketId) {
		return "/tickets/" + ticketId;
	}

}
