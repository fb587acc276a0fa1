package cn.govcloud.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.calendar.WorkingCalendar;
import cn.govcloud.calendar.WorkingCalendars;
import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.ServedUnits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every day ({@code govcloud.reporting.obligation-cron}, 00:15 city time): the
 * obligations of the current and the previous period of each kind are generated for every
 * active supplier (per unit it serves for the monthly report), and the supplier's
 * managers are reminded 3 days before the due day and on it. Both happen once whatever
 * the number of nodes: an obligation is unique per kind, supplier, unit and period
 * (insert ON CONFLICT DO NOTHING), a reminder is claimed by the update that sets its
 * time.
 */
@Component
class ObligationPlan {

	static final int DAYS_BEFORE = 3;

	private final ObligationStore store;

	private final Organizations organizations;

	private final ObjectProvider<ServedUnits> served;

	private final WorkingCalendars calendars;

	private final Inbox inbox;

	ObligationPlan(ObligationStore store, Organizations organizations, ObjectProvider<ServedUnits> served,
			WorkingCalendars calendars, Inbox inbox) {
		this.store = store;
		this.organizations = organizations;
		this.served = served;
		this.calendars = calendars;
		this.inbox = inbox;
	}

	@Scheduled(cron = "${govcloud.reporting.obligation-cron:0 15 0 * * *}", zone = "Asia/Shanghai")
	void daily() {
		generate(CityTime.today());
		remind(CityTime.today());
	}

	/**
	 * @return how many obligations were new
	 */
	@Transactional
	int generate(LocalDate today) {
		WorkingCalendar calendar = this.calendars.calendar();
		List<Organization> suppliers = this.organizations.suppliers();
		int generated = 0;
		for (ObligationRule rule : this.store.rules()) {
			LocalDate current = rule.period().startOf(today);
			for (LocalDate start : List.of(current.minusMonths(rule.period().months), current)) {
				LocalDate due = rule.dueOn(start, calendar);
				for (Organization supplier : suppliers) {
					for (UUID unit : rule.kind().perUnit() ? servedBy(supplier.id())
							: java.util.Collections.<UUID>singleton(null)) {
						generated += this.store.generate(rule, start, due, supplier.id(), unit) ? 1 : 0;
					}
				}
			}
		}
		return generated;
	}

	/**
	 * @return how many reminders went out
	 */
	@Transactional
	int remind(LocalDate today) {
		WorkingCalendar calendar = this.calendars.calendar();
		int sent = 0;
		for (Obligation o : this.store.claimReminders("reminded_before_at", today.plusDays(DAYS_BEFORE), calendar)) {
			sent += tell(o, "notice.obligation.soon");
		}
		for (Obligation o : this.store.claimReminders("reminded_due_at", today, calendar)) {
			sent += tell(o, "notice.obligation.due");
		}
		return sent;
	}

	private java.util.Set<UUID> servedBy(UUID supplierId) {
		java.util.Set<UUID> units = new java.util.HashSet<>();
		this.served.forEach((provider) -> units.addAll(provider.servedBy(supplierId)));
		return units;
	}

	/**
	 * A code per kind ({@code notice.obligation.soon.TRAINING}), so each reader sees the
	 * kind's name in their language: a notice's arguments are text and are not
	 * translated.
	 */
	private int tell(Obligation obligation, String code) {
		this.inbox.notifyRole(obligation.supplierId(), Role.SUPPLIER_MANAGER,
				Notice
					.of(NoticeCategory.REMINDER, code + "." + obligation.kind().name(), obligation.dueOn().toString(),
							(obligation.unitName() != null) ? obligation.unitName() : "")
					.linkingTo("/obligations/" + obligation.id()));
		return 1;
	}

}
