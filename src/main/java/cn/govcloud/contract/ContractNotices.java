package cn.govcloud.contract;

import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Role;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells who waits: reviewers of a contract to file, the unit of the outcome, the supplier
 * of a filing.
 */
@Component
class ContractNotices {

	private final Inbox inbox;

	private final Organizations organizations;

	ContractNotices(Inbox inbox, Organizations organizations) {
		this.inbox = inbox;
		this.organizations = organizations;
	}

	@ApplicationModuleListener
	void on(ContractSubmitted submitted) {
		this.inbox.notifyRole(this.organizations.commission().id(), Role.COMMISSION_REVIEWER,
				Notice.of(NoticeCategory.TASK, "notice.contract.submitted", submitted.number(), submitted.unitName())
					.linkingTo("/contracts/" + submitted.contractId()));
	}

	@ApplicationModuleListener
	void on(ContractFiled filed) {
		Notice notice = Notice.of(NoticeCategory.INFO, "notice.contract.filed", filed.number())
			.linkingTo("/contracts/" + filed.contractId());
		this.inbox.notifyRole(filed.unitId(), Role.UNIT_ADMIN, notice);
		this.inbox.notifyRole(filed.supplierId(), Role.SUPPLIER_MANAGER, notice);
		this.inbox.notifyRole(filed.supplierId(), Role.SUPPLIER_OPERATOR, notice);
	}

	@ApplicationModuleListener
	void on(ContractReturned returned) {
		this.inbox.notifyRole(returned.unitId(), Role.UNIT_ADMIN,
				Notice.of(NoticeCategory.TASK, "notice.contract.returned", returned.number(), returned.reason())
					.linkingTo("/contracts/" + returned.contractId()));
	}

}
