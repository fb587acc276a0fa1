package cn.govcloud.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal API token as its owner sees it in the list: never the secret itself.
 *
 * @param prefix the first characters of the secret, so the owner can tell tokens apart
 */
public record ApiToken(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean activeAt(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
	}

}
