package cn.govcloud.organization;

import java.util.UUID;

/** An enabled person holding a role, and the organisation they belong to. */
public record RoleHolder(UUID userId, UUID organizationId) {
}
