package cn.govcloud.shared;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person as every module sees it: who, which organisation, which roles.
 *
 * @param passwordChangeRequired first login or expired password: nothing but the password
 * change is allowed until it is done
 */
public record GovCloudPrincipal(UUID userId, String username, String displayName, UUID organizationId,
		String organizationName, OrganizationKind organizationKind, Set<Role> roles,
		boolean passwordChangeRequired) implements Principal, Serializable {

	public GovCloudPrincipal {
		roles = Set.copyOf(roles);
	}

	/**
	 * The username: the name sessions are indexed by (a person's sessions are found,
	 * listed and ended by it).
	 */
	@Override
	public String getName() {
		return this.username;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	public boolean hasAnyRole(Role... candidates) {
		for (Role candidate : candidates) {
			if (hasRole(candidate)) {
				return true;
			}
		}
		return false;
	}

	/** Whether one of this person's roles holds the permission (ADR 0018). */
	public boolean may(Permission permission) {
		return permission.grantedToAny(this.roles);
	}

	public GovCloudPrincipal withPasswordChanged() {
		return new GovCloudPrincipal(this.userId, this.username, this.displayName, this.organizationId,
				this.organizationName, this.organizationKind, this.roles, false);
	}

}
