package cn.govcloud.servicedesk;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.inventory.Instance;
import cn.govcloud.inventory.InstanceState;
import cn.govcloud.inventory.Inventory;
import cn.govcloud.inventory.InventoryFilter;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.systems.ApplicationSystem;
import cn.govcloud.systems.ApplicationSystems;

import org.springframework.stereotype.Component;

/**
 * Who a ticket is between: the unit that owns the system, and the supplier whose
 * instances serve it (the instance's supplier when one is named). Followers are people of
 * the same unit.
 */
@Component
class TicketParties {

	/** More hosts than any one system has; the inventory is asked once per ticket. */
	private static final int HOSTS_PER_SYSTEM = 5000;

	private static final int MAX_FOLLOWERS = 20;

	private final ApplicationSystems systems;

	private final Inventory inventory;

	private final Users users;

	TicketParties(ApplicationSystems systems, Inventory inventory, Users users) {
		this.systems = systems;
		this.inventory = inventory;
		this.users = users;
	}

	Parties of(DataScope scope, UUID systemId, UUID instanceId) {
		ApplicationSystem system = this.systems.find(scope, systemId);
		if (!scope.canWrite(system.unitId())) {
			throw InvalidInputException.of("systemId", "ticket.system.notYours");
		}
		List<Instance> hosts = this.inventory.all(scope, new InventoryFilter(null, null, systemId), HOSTS_PER_SYSTEM)
			.stream()
			.filter((i) -> i.state() != InstanceState.RECLAIMED)
			.toList();
		if (instanceId != null) {
			Instance host = hosts.stream()
				.filter((i) -> i.id().equals(instanceId))
				.findFirst()
				.orElseThrow(() -> InvalidInputException.of("instanceId", "ticket.instance.notOfSystem"));
			return new Parties(system.unitId(), host.supplierId(), system.name(), host.name());
		}
		Set<UUID> suppliers = new LinkedHashSet<>(hosts.stream().map(Instance::supplierId).toList());
		if (suppliers.isEmpty()) {
			throw InvalidInputException.of("systemId", "ticket.system.noSupplier");
		}
		if (suppliers.size() > 1) {
			throw InvalidInputException.of("instanceId", "ticket.instance.choose");
		}
		return new Parties(system.unitId(), suppliers.iterator().next(), system.name(), null);
	}

	/** The raiser and the named followers, each an enabled person of the unit. */
	Set<UUID> followers(UUID unitId, List<UUID> named, UUID raiser) {
		Set<UUID> followers = new LinkedHashSet<>();
		List<UUID> asked = (named != null) ? named.stream().filter(Objects::nonNull).distinct().toList() : List.of();
		if (asked.size() > MAX_FOLLOWERS) {
			throw InvalidInputException.of("followerIds", "ticket.followers.tooMany", MAX_FOLLOWERS);
		}
		for (UUID id : asked) {
			GovCloudPrincipal person = this.users.principalOf(id)
				.filter((p) -> p.organizationId().equals(unitId))
				.orElseThrow(() -> InvalidInputException.of("followerIds", "ticket.followers.notOfUnit"));
			if (!person.userId().equals(raiser)) {
				followers.add(person.userId());
			}
		}
		return followers;
	}

	record Parties(UUID unitId, UUID supplierId, String systemName, String instanceName) {
	}

}
