package cn.govcloud.reporting;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.inventory.MonthInstance;
import cn.govcloud.reporting.ReportDrafting.Party;
import cn.govcloud.reporting.ReportDrafting.Sections;
import cn.govcloud.request.ApplicationMonth;
import cn.govcloud.request.ApplicationType;
import cn.govcloud.servicedesk.TicketMonth;

/**
 * The facts of one month gathered per unit and supplier while they are read. The
 * applications are the unit's own (to the Commission), so each of its reports shows them.
 */
final class MonthFacts {

	private final YearMonth month;

	private final Map<Party, Sections> parties = new LinkedHashMap<>();

	private final Map<UUID, int[]> applications = new HashMap<>();

	MonthFacts(YearMonth month) {
		this.month = month;
	}

	Sections of(UUID unitId, UUID supplierId) {
		return this.parties.computeIfAbsent(new Party(unitId, supplierId), (party) -> new Sections());
	}

	void count(MonthInstance instance) {
		Sections sections = of(instance.unitId(), instance.supplierId());
		if (YearMonth.from(instance.activeFrom()).equals(this.month)) {
			sections.provisioned++;
		}
		if (instance.reclaimedOn() != null && YearMonth.from(instance.reclaimedOn()).equals(this.month)) {
			sections.reclaimed++;
		}
	}

	void add(TicketMonth.Count count) {
		of(count.unitId(), count.supplierId()).tickets.add(new ReportContent.TicketLine(count.category().name(),
				count.priority().name(), count.tickets(), count.responded(), count.respondedInTime(), count.resolved(),
				count.resolvedInTime(), count.breaches()));
	}

	void add(TicketMonth.Incident incident) {
		of(incident.unitId(), incident.supplierId()).incidents
			.add(new ReportContent.Incident(incident.number(), incident.title(), incident.systemName(),
					incident.openedAt(), incident.resolutionMinutes(), incident.breached()));
	}

	void add(ApplicationMonth.Count count) {
		int[] figures = this.applications.computeIfAbsent(count.unitId(), (unit) -> new int[3]);
		figures[(count.type() == ApplicationType.NEW) ? 0 : 1] += count.submitted();
		figures[2] += count.approved();
	}

	/** The reports to draft: each party with its sections and its unit's applications. */
	Map<Party, Sections> parties() {
		return this.parties;
	}

	int[] applicationsOf(UUID unitId) {
		return this.applications.getOrDefault(unitId, new int[3]);
	}

}
