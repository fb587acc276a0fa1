package cn.govcloud.security;

import java.util.UUID;

/** The unit decided (or revoked) an access grant (Art. 17). */
public record GrantDecided(UUID grantId, String number, UUID unitId, UUID supplierId, UUID requestedBy,
		GrantStatus status) {
}
