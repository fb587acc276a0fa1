package cn.govcloud.security;

import java.util.UUID;

import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Role;

import org.springframework.stereotype.Component;

/**
 * Tells each side of a finding what concerns it (Art. 14), in the step's transaction: the
 * responsible party of the finding, of a return, of its deadline coming and come; the
 * Commission of a response to verify; the Commission's manager of a finding overdue.
 */
@Component
class FindingNotices {

	private final Inbox inbox;

	private final Organizations organizations;

	FindingNotices(Inbox inbox, Organizations organizations) {
		this.inbox = inbox;
		this.organizations = organizations;
	}

	/**
	 * To the responsible party: {@code recorded}, {@code returned}, {@code closed},
	 * {@code reminder}, {@code due}.
	 */
	void toResponsible(Finding finding, String what) {
		Notice notice = notice(finding, what);
		if (finding.responsible() == Responsible.SUPPLIER) {
			this.inbox.notifyRole(finding.supplierId(), Role.SUPPLIER_MANAGER, notice);
			this.inbox.notifyRole(finding.supplierId(), Role.SUPPLIER_OPERATOR, notice);
		}
		else {
			this.inbox.notifyRole(finding.unitId(), Role.UNIT_ADMIN, notice);
			this.inbox.notifyRole(finding.unitId(), Role.SECURITY_OFFICER, notice);
		}
	}

	/** To the Commission: a rectification to verify. */
	void responded(Finding finding) {
		UUID commission = this.organizations.commission().id();
		Notice notice = notice(finding, "responded");
		this.inbox.notifyRole(commission, Role.COMMISSION_MANAGER, notice);
		this.inbox.notifyRole(commission, Role.COMMISSION_REVIEWER, notice);
	}

	/** To the Commission's manager: the deadline passed unrectified. */
	void overdue(Finding finding) {
		this.inbox.notifyRole(this.organizations.commission().id(), Role.COMMISSION_MANAGER,
				notice(finding, "overdue"));
	}

	private static Notice notice(Finding finding, String what) {
		return Notice
			.of(what.equals("overdue") ? NoticeCategory.REMINDER : NoticeCategory.TASK, "notice.finding." + what,
					finding.number(), finding.severity().name(), finding.systemName(), finding.deadline())
			.linkingTo(link(finding.id()));
	}

	static String link(UUID findingId) {
		return "/findings/" + findingId;
	}

}
