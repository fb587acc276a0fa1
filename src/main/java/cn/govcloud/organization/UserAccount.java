package cn.govcloud.organization;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;

/** A person's account as others may see it (never the password hash). */
public record UserAccount(UUID id, String username, String displayName, UUID organizationId, String organizationName,
		OrganizationKind organizationKind, Set<Role> roles, String phone, String email, boolean enabled,
		Instant lockedUntil, boolean mustChangePassword, Instant passwordChangedAt, Instant createdAt) {

	/** Locked out now (after too many wrong passwords). */
	public boolean locked() {
		return lockedAt(Instant.now());
	}

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
