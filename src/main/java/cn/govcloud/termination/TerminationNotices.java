package cn.govcloud.termination;

import cn.govcloud.inventory.ResourcesReclaimed;
import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Role;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people what a termination needs or did (C16), after the change committed, from
 * the event publication registry: the Commission's reviewers of an application, the unit
 * of the decision and of the end of reclamation. Marks a termination reclaimed when its
 * last reclaim order completes.
 */
@Component
class TerminationNotices {

	private final Inbox inbox;

	private final Organizations organizations;

	private final TerminationRepository repository;

	TerminationNotices(Inbox inbox, Organizations organizations, TerminationRepository repository) {
		this.inbox = inbox;
		this.organizations = organizations;
		this.repository = repository;
	}

	@ApplicationModuleListener
	void on(TerminationSubmitted submitted) {
		Notice notice = Notice
			.of(NoticeCategory.TASK, "notice.termination.submitted", submitted.number(), submitted.unitName(),
					submitted.systemName())
			.linkingTo("/terminations/" + submitted.terminationId());
		this.inbox.notifyRole(this.organizations.commission().id(), Role.COMMISSION_REVIEWER, notice);
	}

	@ApplicationModuleListener
	void on(TerminationDecided decided) {
		NoticeCategory category = (decided.decision() == TerminationDecision.RETURNED) ? NoticeCategory.TASK
				: NoticeCategory.INFO;
		Notice notice = Notice
			.of(category, "notice.termination." + decided.decision(), decided.number(), decided.systemName(),
					(decided.reason() != null) ? decided.reason() : "")
			.linkingTo("/terminations/" + decided.terminationId());
		this.inbox.notifyRole(decided.unitId(), Role.UNIT_ADMIN, notice);
	}

	@ApplicationModuleListener
	void on(ResourcesReclaimed reclaimed) {
		if (reclaimed.terminationId() == null || !this.repository.reclaimedIfDone(reclaimed.terminationId())) {
			return;
		}
		Termination termination = this.repository.findById(reclaimed.terminationId()).orElseThrow();
		Notice notice = Notice
			.of(NoticeCategory.INFO, "notice.termination.reclaimed", termination.number(), termination.systemName(),
					String.valueOf(termination.reclaimedOn()))
			.linkingTo("/terminations/" + termination.id());
		this.inbox.notifyRole(reclaimed.unitId(), Role.UNIT_ADMIN, notice);
	}

}
