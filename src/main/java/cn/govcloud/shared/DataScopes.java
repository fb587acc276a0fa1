package cn.govcloud.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Builds the {@link DataScope} of the current caller. */
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
			this.servedUnits.forEach((provider) -> visible.addAll(provider.servedBy(principal.organizationId())));
		}
		return new DataScope(principal, visible);
	}

}
