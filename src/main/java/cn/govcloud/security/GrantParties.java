package cn.govcloud.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.govcloud.inventory.Instances;
import cn.govcloud.inventory.OwnedInstance;
import cn.govcloud.servicedesk.Priority;
import cn.govcloud.servicedesk.Ticket;
import cn.govcloud.servicedesk.TicketStatus;
import cn.govcloud.servicedesk.Tickets;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Role;
import cn.govcloud.systems.ApplicationSystem;
import cn.govcloud.systems.ApplicationSystems;

import org.springframework.stereotype.Component;

/**
 * Who a grant is between and who decides it: the instances asked for are the supplier's
 * own, all of one unit; the unit's administrator decides, or the security officer named
 * for every system concerned (Art. 15: each system's dedicated security person).
 */
@Component
class GrantParties {

	static final int MAX_INSTANCES = 50;

	private final Instances instances;

	private final ApplicationSystems systems;

	private final Tickets tickets;

	GrantParties(Instances instances, ApplicationSystems systems, Tickets tickets) {
		this.instances = instances;
		this.systems = systems;
		this.tickets = tickets;
	}

	/** The instances asked for, each the caller's own (a supplier's), all of one unit. */
	Asked requested(DataScope scope, List<UUID> ids) {
		List<UUID> asked = (ids != null) ? ids.stream().filter(Objects::nonNull).distinct().toList() : List.of();
		if (asked.isEmpty()) {
			throw InvalidInputException.of("instanceIds", "error.field.required");
		}
		if (asked.size() > MAX_INSTANCES) {
			throw InvalidInputException.of("instanceIds", "access.instances.tooMany", MAX_INSTANCES);
		}
		UUID supplier = scope.principal().organizationId();
		Map<UUID, String> systemNames = new HashMap<>();
		List<GrantInstance> found = new ArrayList<>();
		UUID unit = null;
		for (UUID id : asked) {
			OwnedInstance instance = this.instances.visible(scope, null, null, id)
				.stream()
				.filter((i) -> i.supplierId().equals(supplier))
				.findFirst()
				.orElseThrow(() -> InvalidInputException.of("instanceIds", "access.instances.notYours"));
			if (unit != null && !unit.equals(instance.unitId())) {
				throw InvalidInputException.of("instanceIds", "access.instances.oneUnit");
			}
			unit = instance.unitId();
			found.add(named(instance, systemNames, true));
		}
		return new Asked(unit, found);
	}

	/** The units whose instances the caller may ask for: the units it serves. */
	List<ApplicationSystems.Owner> units(DataScope scope) {
		return this.systems.owners(scope);
	}

	/** The caller's own instances in {@code unitId}, to choose from, by system. */
	List<GrantInstance> choosable(DataScope scope, UUID unitId) {
		UUID supplier = scope.principal().organizationId();
		Map<UUID, String> systemNames = new HashMap<>();
		return this.instances.visible(scope, unitId, null, null)
			.stream()
			.filter((i) -> i.supplierId().equals(supplier))
			.map((i) -> named(i, systemNames, false))
			.sorted(java.util.Comparator.comparing(GrantInstance::systemName)
				.thenComparing(GrantInstance::instanceName))
			.toList();
	}

	/** The instance with its system's name, each system looked up once. */
	private GrantInstance named(OwnedInstance instance, Map<UUID, String> systemNames, boolean granted) {
		String systemName = systemNames.computeIfAbsent(instance.systemId(),
				(system) -> this.systems.lookup(system).map(ApplicationSystem::name).orElse("—"));
		return new GrantInstance(instance.id(), instance.name(), instance.systemId(), systemName, granted);
	}

	/**
	 * The number of the open P1 ticket an emergency access is for: the unit's, addressed
	 * to the caller.
	 */
	String p1Ticket(DataScope scope, UUID ticketId, UUID unitId) {
		if (ticketId == null) {
			throw InvalidInputException.of("ticketId", "access.emergency.ticket");
		}
		Ticket ticket;
		try {
			ticket = this.tickets.find(scope, ticketId);
		}
		catch (NotFoundException ex) {
			throw InvalidInputException.of("ticketId", "access.emergency.ticket");
		}
		if (ticket.priority() != Priority.P1 || !ticket.unitId().equals(unitId)
				|| !ticket.supplierId().equals(scope.principal().organizationId())
				|| ticket.status() == TicketStatus.CLOSED || ticket.status() == TicketStatus.RESOLVED) {
			throw InvalidInputException.of("ticketId", "access.emergency.ticket");
		}
		return ticket.number();
	}

	/**
	 * Whether {@code who} decides for the unit: its administrator, or a security officer
	 * of the unit named for every system concerned (a system naming nobody leaves it to
	 * any of the unit's security officers).
	 */
	boolean mayDecide(GovCloudPrincipal who, AccessGrant grant, List<GrantInstance> concerned) {
		if (!who.may(Permission.DECIDE_ACCESS) || !who.organizationId().equals(grant.unitId())) {
			return false;
		}
		if (who.hasRole(Role.UNIT_ADMIN)) {
			return true;
		}
		return concerned.stream()
			.map(GrantInstance::systemId)
			.distinct()
			.map(this.systems::lookup)
			.allMatch((system) -> system.map(ApplicationSystem::securityOfficerId)
				.map((officer) -> officer.equals(who.userId()))
				.orElse(true));
	}

	/** The instances asked for, and the unit they all belong to. */
	record Asked(UUID unitId, List<GrantInstance> instances) {
	}

}
