package cn.govcloud.reporting;

import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.shared.Role;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the unit a report arrived (in the inbox, and by e-mail for whoever chose it, ADR
 * 0019) and the supplier's managers that it was acknowledged, after the step committed.
 */
@Component
class ReportNotices {

	private final Inbox inbox;

	ReportNotices(Inbox inbox) {
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(ReportSubmitted submitted) {
		Notice notice = Notice
			.of(NoticeCategory.TASK, "notice.report.submitted", submitted.number(),
					submitted.month().toString().substring(0, 7))
			.linkingTo(link(submitted.reportId()));
		this.inbox.notifyRole(submitted.unitId(), Role.UNIT_ADMIN, notice);
		this.inbox.notifyRole(submitted.unitId(), Role.UNIT_MEMBER, notice);
	}

	@ApplicationModuleListener
	void on(ReportAcknowledged acknowledged) {
		this.inbox.notifyRole(acknowledged.supplierId(), Role.SUPPLIER_MANAGER,
				Notice
					.of(NoticeCategory.INFO, "notice.report.acknowledged", acknowledged.number(),
							acknowledged.month().toString().substring(0, 7))
					.linkingTo(link(acknowledged.reportId())));
	}

	static String link(java.util.UUID reportId) {
		return "/reports/" + reportId;
	}

}
