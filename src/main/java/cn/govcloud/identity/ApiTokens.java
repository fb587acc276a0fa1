package cn.govcloud.identity;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.organization.AccessWithdrawn;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Sm3;
import cn.govcloud.shared.Timestamps;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a person creates one, sees the secret once, and uses it as
 * {@code Authorization: Bearer <secret>} with exactly their own permissions. Made only in
 * a signed-in session (a token cannot mint tokens); revoked with the owner's password
 * reset or role change. Stored as the SM3 hash of the secret; revocable; last use
 * recorded (at most once a minute per token).
 */
@Service
public class ApiTokens {

	static final String SECRET_PREFIX = "gct_";

	private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Users users;

	private final AuditTrail audit;

	ApiTokens(JdbcClient jdbc, Users users, AuditTrail audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
	}

	@Transactional
	public CreatedApiToken create(GovCloudPrincipal owner, String name, Integer validDays) {
		String label = (name == null) ? "" : name.strip();
		if (label.isEmpty() || label.length() > 100) {
			throw InvalidInputException.of("name", "error.field.size", 1, 100);
		}
		if (validDays != null && (validDays < 1 || validDays > 366)) {
			throw InvalidInputException.of("validDays", "error.field.range", 1, 366);
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now();
		ApiToken token = new ApiToken(UUID.randomUUID(), label, secret.substring(0, 10), now,
				(validDays != null) ? now.plus(Duration.ofDays(validDays)) : null, null, null);
		this.jdbc.sql("""
				INSERT INTO api_token (id, user_id, name, token_hash, prefix, created_at, expires_at)
				VALUES (:id, :user, :name, :hash, :prefix, :created, :expires)
				""")
			.param("id", token.id())
			.param("user", owner.userId())
			.param("name", token.name())
			.param("hash", hash(secret))
			.param("prefix", token.prefix())
			.param("created", Timestamp.from(now))
			.param("expires", Timestamps.timestamp(token.expiresAt()))
			.update();
		this.audit.record("token.create", "token:" + token.id() + " " + label, AuditOutcome.SUCCESS);
		return new CreatedApiToken(token, secret);
	}

	public List<ApiToken> list(GovCloudPrincipal owner) {
		return this.jdbc.sql("SELECT * FROM api_token WHERE user_id = :user ORDER BY created_at DESC")
			.param("user", owner.userId())
			.query(ApiTokens::map)
			.list();
	}

	/** Revokes one of the caller's own tokens; anyone else's reads as "not found". */
	@Transactional
	public void revoke(GovCloudPrincipal owner, UUID id) {
		int changed = this.jdbc.sql("""
				UPDATE api_token SET revoked_at = now() WHERE id = :id AND user_id = :user AND revoked_at IS NULL
				""").param("id", id).param("user", owner.userId()).update();
		if (changed == 0 && list(owner).stream().noneMatch((token) -> token.id().equals(id))) {
			throw new NotFoundException("token", id);
		}
		this.audit.record("token.revoke", "token:" + id, AuditOutcome.SUCCESS);
	}

	/**
	 * An administrator reset the owner's password or changed their roles: every token of
	 * the owner is revoked with it (a token must not outlive the access it was made
	 * under), in the same transaction, and the revocation is audited.
	 */
	@EventListener
	void revokeAllOf(AccessWithdrawn withdrawn) {
		int revoked = this.jdbc
			.sql("UPDATE api_token SET revoked_at = now() WHERE user_id = :user AND revoked_at IS NULL")
			.param("user", withdrawn.userId())
			.update();
		this.audit.record("token.revoke-all", "user:" + withdrawn.userId() + " " + withdrawn.username(),
				AuditOutcome.SUCCESS, "reason=" + withdrawn.reason() + " revoked=" + revoked);
	}

	/**
	 * The principal a secret stands for, if the token is active and its owner may sign
	 * in.
	 */
	@Transactional
	public Optional<GovCloudPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Optional<TokenOwner> found = this.jdbc.sql("""
				SELECT id, user_id, last_used_at FROM api_token
				WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
				""")
			.param("hash", hash(secret))
			.query((rs, n) -> new TokenOwner(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					Timestamps.instant(rs.getTimestamp("last_used_at"))))
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		TokenOwner owner = found.get();
		Instant now = Instant.now();
		if (owner.lastUsedAt() == null || owner.lastUsedAt().plus(LAST_USE_RESOLUTION).isBefore(now)) {
			this.jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id")
				.param("now", Timestamp.from(now))
				.param("id", owner.tokenId())
				.update();
		}
		return this.users.principalOf(owner.userId());
	}

	static String hash(String secret) {
		return Sm3.hex(secret);
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
				Timestamps.instant(rs.getTimestamp("created_at")), Timestamps.instant(rs.getTimestamp("expires_at")),
				Timestamps.instant(rs.getTimestamp("last_used_at")), Timestamps.instant(rs.getTimestamp("revoked_at")));
	}

	private record TokenOwner(UUID tokenId, UUID userId, Instant lastUsedAt) {
	}

}
