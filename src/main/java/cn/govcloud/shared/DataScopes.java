package cn.govcloud.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Builds the {@link DataScope} of the current caller. A supplier's served units cost one
 * query; within a web request they are asked once and kept in the request.
 */
@Component
public class DataScopes {

	private final ObjectProvider<ServedUnits> servedUnits;

	DataScopes(ObjectProvider<ServedUnits> servedUnits) {
		this.servedUnits = servedUnits;
	}

	public DataScope current() {
		return of(CurrentUser.get());
	}

	public DataScope of(GovCloudPrincipal principal) {
		Set<UUID> visible = new HashSet<>();
		visible.add(principal.organizationId());
		if (principal.organizationKind() == OrganizationKind.SUPPLIER) {
			visible.addAll(servedBy(principal.organizationId()));
		}
		return new DataScope(principal, visible);
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
