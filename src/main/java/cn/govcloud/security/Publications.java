package cn.govcloud.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.ServedUnits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the supplier publishes under Art. 14 — the monthly security bulletin, the yearly
 * drill's report — goes to the units it serves (each told by a notice) and fulfils its
 * obligation in the calendar ({@link SecurityDutyDone}).
 */
@Component
class Publications {

	private final ObjectProvider<ServedUnits> served;

	private final Inbox inbox;

	private final Organizations organizations;

	private final ApplicationEventPublisher events;

	Publications(ObjectProvider<ServedUnits> served, Inbox inbox, Organizations organizations,
			ApplicationEventPublisher events) {
		this.served = served;
		this.inbox = inbox;
		this.organizations = organizations;
		this.events = events;
	}

	/** The units the supplier serves: those a publication goes to. */
	List<UUID> unitsOf(UUID supplierId) {
		ServedUnits units = this.served.getIfAvailable();
		return (units != null) ? List.copyOf(units.servedBy(supplierId)) : List.of();
	}

	/** Tells the units' administrators and security officers (and the Commission). */
	void tell(Set<UUID> units, Notice notice) {
		for (UUID unit : units) {
			this.inbox.notifyRole(unit, Role.UNIT_ADMIN, notice);
			this.inbox.notifyRole(unit, Role.SECURITY_OFFICER, notice);
		}
		this.inbox.notifyRole(this.organizations.commission().id(), Role.COMMISSION_REVIEWER, notice);
	}

	/**
	 * The supplier's duty for the period holding {@code day} is done: its obligation is
	 * fulfilled ({@link SecurityDutyDone}).
	 */
	void fulfil(SecurityDutyDone.Duty duty, GovCloudPrincipal by, LocalDate day, String note) {
		this.events
			.publishEvent(new SecurityDutyDone(duty, by.organizationId(), day, by.userId(), by.displayName(), note));
	}

	static Notice notice(String code, String link, Object... args) {
		return Notice.of(NoticeCategory.INFO, code, args).linkingTo(link);
	}

}
