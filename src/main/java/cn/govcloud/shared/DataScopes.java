package cn.govcloud.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Builds the {@link DataScope} of the current caller: over business records
 * ({@link #current()}) or over organisations and people ({@link #directory()}). A
 * supplier's served units cost one query; within a web request they are asked once and
 * kept in the request.
 */
@Component
public class DataScopes {

	/** The user id of GovCloud's own principal ({@link #system}), which no person has. */
	static final UUID SYSTEM_USER = new UUID(0, 0);

	private final ObjectProvider<ServedUnits> servedUnits;

	DataScopes(ObjectProvider<ServedUnits> servedUnits) {
		this.servedUnits = servedUnits;
	}

	/** The caller's scope over business records. */
	public DataScope current() {
		return of(CurrentUser.get());
	}

	/**
	 * A person's scope over business records (systems, plans, documents, applications,
	 * contracts, work orders, instances, terminations, utilisation, price lists): only
	 * through a business role. A person holding nothing but administrator roles sees no
	 * organisation's records, not even the Commission's (ADR 0014).
	 */
	public DataScope of(GovCloudPrincipal principal) {
		if (principal.roles().stream().allMatch(Role::isAdministrator)) {
			return new DataScope(principal, false, Set.of());
		}
		boolean commission = principal.organizationKind() == OrganizationKind.COMMISSION;
		return new DataScope(principal, commission, () -> ownAndServed(principal));
	}

	/**
	 * GovCloud's own scheduled work over the whole city (drafting every unit's monthly
	 * report): it reads as the Commission does, under a principal of its own (the nil id,
	 * username {@code govcloud}) that no person can sign in as.
	 */
	public DataScope system(UUID commissionId, String commissionName) {
		GovCloudPrincipal govcloud = new GovCloudPrincipal(SYSTEM_USER, "govcloud", "GovCloud", commissionId,
				commissionName, OrganizationKind.COMMISSION, Set.of(Role.COMMISSION_MANAGER), false);
		return new DataScope(govcloud, true, Set.of(commissionId));
	}

	/**
	 * The caller's scope over organisations and people: anyone of the Commission sees all
	 * (the system administrator keeps the accounts, the security administrator the
	 * roles); others their own organisation, a supplier also the units it serves.
	 */
	public DataScope directory() {
		GovCloudPrincipal principal = CurrentUser.get();
		boolean commission = principal.organizationKind() == OrganizationKind.COMMISSION;
		return new DataScope(principal, commission, () -> ownAndServed(principal));
	}

	private Set<UUID> ownAndServed(GovCloudPrincipal principal) {
		Set<UUID> visible = new HashSet<>();
		visible.add(principal.organizationId());
		if (principal.organizationKind() == OrganizationKind.SUPPLIER) {
			visible.addAll(servedBy(principal.organizationId()));
		}
		return visible;
	}

	@SuppressWarnings("unchecked")
	private Set<UUID> servedBy(UUID supplierId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = DataScopes.class.getName() + ".served." + supplierId;
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Set<?> cached) {
			return (Set<UUID>) cached;
		}
		Set<UUID> served = new HashSet<>();
		this.servedUnits.forEach((provider) -> served.addAll(provider.servedBy(supplierId)));
		if (request != null) {
			request.setAttribute(key, Set.copyOf(served), RequestAttributes.SCOPE_REQUEST);
		}
		return served;
	}

}
