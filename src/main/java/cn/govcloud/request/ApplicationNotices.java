package cn.govcloud.request;

import java.util.List;
import java.util.UUID;

import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Role;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people what waits on them (C16): the Commission's reviewers of a submitted
 * application, the unit's administrators and the applicant of a decision. Runs after the
 * change has committed, from the event publication registry, so a notice is never lost
 * nor sent for a change that did not happen.
 */
@Component
class ApplicationNotices {

	private final Inbox inbox;

	private final Organizations organizations;

	ApplicationNotices(Inbox inbox, Organizations organizations) {
		this.inbox = inbox;
		this.organizations = organizations;
	}

	@ApplicationModuleListener
	void on(ApplicationSubmitted submitted) {
		Notice notice = Notice
			.of(NoticeCategory.TASK, "notice.application.submitted", submitted.number(), submitted.unitName(),
					submitted.systemName())
			.linkingTo("/applications/" + submitted.applicationId());
		this.inbox.notifyRole(this.organizations.commission().id(), Role.COMMISSION_REVIEWER, notice);
	}

	@ApplicationModuleListener
	void on(ApplicationDecided decided) {
		NoticeCategory category = (decided.decision() == Decision.RETURNED) ? NoticeCategory.TASK : NoticeCategory.INFO;
		Notice notice = Notice
			.of(category, "notice.application." + decided.decision(), decided.number(), decided.systemName(),
					(decided.reason() != null) ? decided.reason() : "")
			.linkingTo("/applications/" + decided.applicationId());
		List<UUID> told = this.inbox.notifyRole(decided.unitId(), Role.UNIT_ADMIN, notice);
		if (!told.contains(decided.createdBy())) {
			this.inbox.notifyUser(decided.createdBy(), notice);
		}
	}

}
