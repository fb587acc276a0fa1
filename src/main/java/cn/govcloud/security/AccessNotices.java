package cn.govcloud.security;

import java.util.UUID;

import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.Role;

import org.springframework.stereotype.Component;

/**
 * Tells each side of an access grant what concerns it (C16), in the transaction of the
 * step, so a notice goes out exactly when the step is committed: the unit of a request,
 * at once of an emergency access and of a violation (Art. 17); the Commission of a
 * violation and of an emergency left undecided; the requester of the decision. Whoever
 * chose e-mail for the category also gets a copy (ADR 0019).
 */
@Component
class AccessNotices {

	private final Inbox inbox;

	private final Organizations organizations;

	AccessNotices(Inbox inbox, Organizations organizations) {
		this.inbox = inbox;
		this.organizations = organizations;
	}

	void requested(AccessGrant grant) {
		String code = grant.emergency() ? "notice.access.emergency" : "notice.access.requested";
		toUnit(grant.unitId(),
				Notice
					.of(NoticeCategory.TASK, code, grant.number(), grant.requestedByName(), grant.purpose(),
							CityTime.minutes(grant.requestedFrom()), CityTime.minutes(grant.requestedUntil()))
					.linkingTo(link(grant.id())));
	}

	void decided(AccessGrant grant, GrantStatus to) {
		this.inbox.notifyUser(grant.requestedBy(),
				Notice
					.of(NoticeCategory.INFO, "notice.access." + to.name().toLowerCase(java.util.Locale.ROOT),
							grant.number())
					.linkingTo(link(grant.id())));
	}

	void violation(AccessEvent event) {
		Notice notice = Notice
			.of(NoticeCategory.TASK, "notice.access.violation", event.person(), event.instanceName(),
					CityTime.minutes(event.startedAt()), CityTime.minutes(event.endedAt()), event.sourceAddress())
			.linkingTo("/access-events?violation=true");
		toUnit(event.unitId(), notice);
		toCommission(notice);
	}

	void overdue(AccessGrant grant) {
		Notice notice = Notice.of(NoticeCategory.REMINDER, "notice.access.overdue", grant.number())
			.linkingTo(link(grant.id()));
		toUnit(grant.unitId(), notice);
		toCommission(notice);
	}

	private void toUnit(UUID unitId, Notice notice) {
		this.inbox.notifyRole(unitId, Role.UNIT_ADMIN, notice);
		this.inbox.notifyRole(unitId, Role.SECURITY_OFFICER, notice);
	}

	private void toCommission(Notice notice) {
		UUID commission = this.organizations.commission().id();
		this.inbox.notifyRole(commission, Role.COMMISSION_MANAGER, notice);
		this.inbox.notifyRole(commission, Role.COMMISSION_REVIEWER, notice);
	}

	static String link(UUID grantId) {
		return "/access-grants/" + grantId;
	}

}
