package cn.govcloud.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cn.govcloud.contract.ContractYear;
import cn.govcloud.contract.ContractYears;
import cn.govcloud.inventory.HeldInstances;
import cn.govcloud.inventory.Instances;
import cn.govcloud.metering.Metric;
import cn.govcloud.metering.UnitUtilisation;
import cn.govcloud.metering.Utilisation;
import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.request.Allocations;
import cn.govcloud.request.ApprovedKind;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.OrganizationKind;

import org.springframework.stereotype.Service;

/**
 * The budget basis of a year (Art. 18: the finance bureau budgets each unit's IT spending
 * from its use of the platform), put together from the other modules' APIs (ADR 0016):
 * approvals (request), contracts and payments (contract), instances held (inventory) and
 * measured utilisation (metering). Units appear by name; the city adds them up.
 */
@Service
public class Budgets {

	private final ContractYears contracts;

	private final Allocations allocations;

	private final Instances instances;

	private final Utilisation utilisation;

	private final Organizations organizations;

	Budgets(ContractYears contracts, Allocations allocations, Instances instances, Utilisation utilisation,
			Organizations organizations) {
		this.contracts = contracts;
		this.allocations = allocations;
		this.instances = instances;
		this.utilisation = utilisation;
		this.organizations = organizations;
	}

	/** The year's budget basis in the caller's scope (the whole city for finance). */
	public BudgetYear year(DataScope scope, int year) {
		Map<UUID, UnitTally> units = new LinkedHashMap<>();
		for (Organization unit : this.organizations.ofKind(OrganizationKind.UNIT)) {
			units.put(unit.id(), new UnitTally(unit.id(), unit.name()));
		}
		UnitTally city = new UnitTally(null, null);
		Map<UUID, String> suppliers = new HashMap<>();
		this.organizations.ofKind(OrganizationKind.SUPPLIER).forEach((s) -> suppliers.put(s.id(), s.name()));
		for (ContractYear contract : this.contracts.of(scope, year)) {
			String supplier = suppliers.get(contract.supplierId());
			each(units, city, contract.unitId(), (tally) -> tally.contracted(contract, supplier));
		}
		for (ContractYear contract : this.contracts.of(scope, year - 1)) {
			each(units, city, contract.unitId(), (tally) -> tally.previous(contract));
		}
		for (ApprovedKind approved : this.allocations.approvedByUnit(scope)) {
			each(units, city, approved.unitId(), (tally) -> tally.approved(approved));
		}
		LocalDate first = LocalDate.of(year, 1, 1);
		for (HeldInstances held : this.instances.held(scope, first, first.plusYears(1).minusDays(1))) {
			each(units, city, held.unitId(), (tally) -> tally.provisioned(held));
		}
		for (UnitUtilisation measured : measured(scope, year)) {
			each(units, city, measured.unitId(), (tally) -> tally.used(measured));
		}
		List<UnitBudget> budgets = units.values().stream().filter((t) -> !t.isEmpty()).map(UnitTally::budget).toList();
		return new BudgetYear(year, city.budget(), budgets);
	}

	/**
	 * CPU and memory over the year so far: from its first day to its end or now; nothing
	 * for a year not begun.
	 */
	private List<UnitUtilisation> measured(DataScope scope, int year) {
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(CityTime.ZONE).toInstant();
		Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(CityTime.ZONE).toInstant();
		Instant to = end.isAfter(Instant.now()) ? Instant.now() : end;
		if (!from.isBefore(to)) {
			return List.of();
		}
		List<UnitUtilisation> cpu = this.utilisation.byUnit(scope, Metric.CPU, from, to);
		List<UnitUtilisation> memory = this.utilisation.byUnit(scope, Metric.MEMORY, from, to);
		return Stream.concat(cpu.stream(), memory.stream()).toList();
	}

	/** Adds to the unit's tally (a unit known to the directory) and to the city's. */
	private static void each(Map<UUID, UnitTally> units, UnitTally city, UUID unitId, Consumer<UnitTally> add) {
		UnitTally unit = units.get(unitId);
		if (unit != null) {
			add.accept(unit);
			add.accept(city);
		}
	}

}
