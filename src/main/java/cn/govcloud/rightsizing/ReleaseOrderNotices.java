package cn.govcloud.rightsizing;

import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Role;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people what a release order needs or did (Art. 8; C16), after the change
 * committed: the unit's administrators of an issued order (with its evidence, linked) and
 * of every decision, the Commission's managers of an objection.
 */
@Component
class ReleaseOrderNotices {

	private final Inbox inbox;

	private final Organizations organizations;

	ReleaseOrderNotices(Inbox inbox, Organizations organizations) {
		this.inbox = inbox;
		this.organizations = organizations;
	}

	@ApplicationModuleListener
	void on(ReleaseOrderChanged changed) {
		String link = "/rightsizing/orders/" + changed.orderId();
		if (changed.status() == OrderStatus.OBJECTED) {
			this.inbox.notifyRole(this.organizations.commission().id(), Role.COMMISSION_MANAGER,
					Notice.of(NoticeCategory.TASK, "notice.rightsizing.OBJECTED", changed.number()).linkingTo(link));
			return;
		}
		NoticeCategory category = (changed.status() == OrderStatus.ISSUED) ? NoticeCategory.TASK : NoticeCategory.INFO;
		this.inbox.notifyRole(changed.unitId(), Role.UNIT_ADMIN,
				Notice.of(category, "notice.rightsizing." + changed.status(), changed.number()).linkingTo(link));
	}

}
