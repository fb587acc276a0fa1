package cn.govcloud.metering;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Sm3;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ingest credentials (Art. 12): the Commission issues one per supplier monitoring system;
 * it is shown once and stored as its SM3 hash. Remote write presents it as
 * {@code Authorization: Bearer <token>} or as the password of basic auth. A checked token
 * is remembered for a short while so it costs nothing per request; revoking forgets it at
 * once.
 */
@Service
class IngestCredentials {

	static final String PREFIX = "gcm_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final long cacheNanos;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private final Organizations organizations;

	IngestCredentials(JdbcClient jdbc, AuditTrail audit, MeteringSettings settings, Organizations organizations) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.organizations = organizations;
		this.cacheNanos = settings.credentialCache().toNanos();
	}

	@Transactional
	public IssuedCredential issue(DataScope scope, UUID supplierId, String label) {
		requireCommission(scope);
		String name = (label == null) ? "" : label.strip();
		if (name.isEmpty() || name.length() > 100) {
			throw InvalidInputException.of("label", "error.field.size", 1, 100);
		}
		if (!this.organizations.isSupplier(supplierId)) {
			throw InvalidInputException.of("supplierId", "error.metering.supplier");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO metering_credential (id, supplier_id, label, token_hash, prefix, created_at, created_by)
				VALUES (:id, :supplier, :label, :hash, :prefix, now(), :by)
				""")
			.param("id", id)
			.param("supplier", supplierId)
			.param("label", name)
			.param("hash", Sm3.hex(token))
			.param("prefix", token.substring(0, 10))
			.param("by", scope.principal().userId())
			.update();
		this.audit.record("metering.credential.issue", "supplier:" + supplierId + " credential:" + id,
				AuditOutcome.SUCCESS);
		return new IssuedCredential(id, supplierId, name, token);
	}

	/** The Commission sees every credential; a supplier its own. */
	public List<IngestCredential> list(DataScope scope) {
		DataScope.SqlFilter filter = scope.sqlSupplier("supplier_id");
		return filter.bind(this.jdbc.sql("""
				SELECT id, supplier_id, label, prefix, created_at, revoked_at FROM metering_credential
				WHERE %s ORDER BY created_at DESC
				""".formatted(filter.clause())))
			.query((rs, n) -> new IngestCredential(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
					Timestamps.instant(rs.getTimestamp(6))))
			.list();
	}

	@Transactional
	public void revoke(DataScope scope, UUID id) {
		requireCommission(scope);
		int changed = this.jdbc.sql("UPDATE metering_credential SET revoked_at = now() WHERE id = :id")
			.param("id", id)
			.update();
		if (changed == 0) {
			throw new NotFoundException("credential", id);
		}
		this.cache.clear();
		this.audit.record("metering.credential.revoke", "credential:" + id, AuditOutcome.SUCCESS);
	}

	/**
	 * The supplier an {@code Authorization} header (bearer, or basic with the token as
	 * password) stands for, if its credential is valid.
	 */
	public Optional<UUID> supplierOf(String authorization) {
		String token = token(authorization);
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		long now = System.nanoTime();
		Cached cached = this.cache.get(token);
		if (cached != null && now - cached.checkedAt() < this.cacheNanos) {
			return Optional.ofNullable(cached.supplierId());
		}
		UUID supplier = this.jdbc
			.sql("SELECT supplier_id FROM metering_credential WHERE token_hash = :hash AND revoked_at IS NULL")
			.param("hash", Sm3.hex(token))
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (this.cache.size() > 10_000) {
			this.cache.clear();
		}
		this.cache.put(token, new Cached(supplier, now));
		return Optional.ofNullable(supplier);
	}

	private static String token(String authorization) {
		if (authorization == null) {
			return null;
		}
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = pair.indexOf(':');
				return (colon >= 0) ? pair.substring(colon + 1) : null;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	private static void requireCommission(DataScope scope) {
		if (!scope.seesAll()) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only the Commission issues credentials");
		}
	}

	private record Cached(UUID supplierId, long checkedAt) {
	}

}
