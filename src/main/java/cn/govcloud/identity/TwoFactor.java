package cn.govcloud.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.organization.SecurityPolicies;
import cn.govcloud.organization.SecurityPolicy;
import cn.govcloud.organization.UserAccount;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.FieldCipher;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Sm3;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of sign-in (issue 19, 等保 level 3): a TOTP secret per person
 * ({@link Totp}, SM4-sealed at rest, ADR 0033), enrolled by confirming a first code, ten
 * one-time recovery codes kept as their SM3 hash, and a lockout on wrong codes like the
 * one on wrong passwords. Every accepted code's time step is kept, so a code is accepted
 * once and never replayed.
 */
@Service
class TwoFactor {

	static final int RECOVERY_CODES = 10;

	/** Recovery codes: no 0/O, 1/I/L, so they read back without doubt. */
	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecurityPolicies policies;

	private final Users users;

	private final AuditTrail audit;

	private final FieldCipher cipher;

	TwoFactor(JdbcClient jdbc, SecurityPolicies policies, Users users, AuditTrail audit, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.users = users;
		this.audit = audit;
		this.cipher = cipher;
	}

	/** Whether the person must sign in with two factors by their roles. */
	boolean required(GovCloudPrincipal who) {
		return this.policies.current().requiresTwoFactor(who.roles());
	}

	boolean enrolled(UUID userId) {
		return stored(userId).filter(Stored::enrolled).isPresent();
	}

	/**
	 * A new secret for the person to put in their app, kept until they confirm a code of
	 * it. An enrolled person must have it reset first.
	 */
	@Transactional
	Enrolment start(GovCloudPrincipal who) {
		if (enrolled(who.userId())) {
			throw new ConflictException("twofactor.alreadyEnrolled");
		}
		String secret = Base32.encode(Totp.newSecret());
		this.jdbc.sql("""
				INSERT INTO identity_two_factor (user_id, secret) VALUES (:id, :secret)
				ON CONFLICT (user_id) DO UPDATE SET secret = :secret, enrolled_at = NULL, last_step = 0,
				       failed_attempts = 0, locked_until = NULL
				""")
			.param("id", who.userId())
			.param("secret", this.cipher.seal(TwoFactorSecrets.SECRET, secret))
			.update();
		return enrolment(who, secret);
	}

	/** The enrolment under way, if any. */
	Optional<Enrolment> pending(GovCloudPrincipal who) {
		return stored(who.userId()).filter((s) -> !s.enrolled()).map((s) -> enrolment(who, s.secret()));
	}

	/**
	 * Confirms the enrolment with a code of the new secret; answers the ten recovery
	 * codes, shown this once.
	 */
	@Transactional
	List<String> confirm(GovCloudPrincipal who, String code) {
		Stored stored = lock(who.userId()).filter((s) -> !s.enrolled())
			.orElseThrow(() -> InvalidInputException.of("code", "twofactor.noEnrolment"));
		long step = Totp.match(Base32.decode(stored.secret()), code, Totp.step(Instant.now().getEpochSecond()),
				stored.lastStep());
		if (step < 0) {
			this.audit.record("two-factor.enrol", "user:" + who.userId(), AuditOutcome.FAILURE, "wrong code");
			throw InvalidInputException.of("code", "twofactor.code.wrong");
		}
		this.jdbc.sql("UPDATE identity_two_factor SET enrolled_at = :now, last_step = :step WHERE user_id = :id")
			.param("now", Timestamp.from(Instant.now()))
			.param("step", step)
			.param("id", who.userId())
			.update();
		this.jdbc.sql("DELETE FROM identity_recovery_code WHERE user_id = :id").param("id", who.userId()).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String recovery = recoveryCode();
			codes.add(recovery);
			this.jdbc.sql("INSERT INTO identity_recovery_code (user_id, code_hash) VALUES (:id, :hash)")
				.param("id", who.userId())
				.param("hash", hash(who.userId(), recovery))
				.update();
		}
		this.audit.record("two-factor.enrol", "user:" + who.userId(), AuditOutcome.SUCCESS, null);
		return codes;
	}

	/**
	 * Checks the second factor at sign-in: a current code of the app, or one of the
	 * recovery codes (used up by it). Wrong codes count like wrong passwords: after the
	 * policy's number in a row, codes are refused for the lockout's duration, even the
	 * right one. Every attempt is audited.
	 */
	@Transactional
	boolean verify(GovCloudPrincipal who, String code) {
		Optional<Stored> found = lock(who.userId()).filter(Stored::enrolled);
		if (found.isEmpty()) {
			return false;
		}
		Stored stored = found.get();
		Instant now = Instant.now();
		SecurityPolicy policy = this.policies.current();
		if (stored.lockedUntil() != null && stored.lockedUntil().isAfter(now)) {
			failed(who, "second factor locked until " + stored.lockedUntil());
			return false;
		}
		long step = Totp.match(Base32.decode(stored.secret()), code, Totp.step(now.getEpochSecond()),
				stored.lastStep());
		if (step >= 0) {
			this.jdbc.sql("""
					UPDATE identity_two_factor SET last_step = :step, failed_attempts = 0, locked_until = NULL
					WHERE user_id = :id
					""").param("step", step).param("id", who.userId()).update();
			succeeded(who, null);
			return true;
		}
		if (code != null && useRecoveryCode(who.userId(), code, now)) {
			this.jdbc.sql("UPDATE identity_two_factor SET failed_attempts = 0, locked_until = NULL WHERE user_id = :id")
				.param("id", who.userId())
				.update();
			succeeded(who, "recovery code (" + remainingRecoveryCodes(who.userId()) + " left)");
			return true;
		}
		int failures = stored.failedAttempts() + 1;
		boolean locks = failures >= policy.lockoutMaxFailures();
		this.jdbc.sql("UPDATE identity_two_factor SET failed_attempts = :n, locked_until = :until WHERE user_id = :id")
			.param("n", locks ? 0 : failures)
			.param("until", locks ? Timestamp.from(now.plus(policy.lockoutDuration())) : null)
			.param("id", who.userId())
			.update();
		failed(who, "wrong code (" + failures + ")" + (locks ? ", second factor locked" : ""));
		return false;
	}

	int remainingRecoveryCodes(UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM identity_recovery_code WHERE user_id = :id AND used_at IS NULL")
			.param("id", userId)
			.query(Integer.class)
			.single();
	}

	/**
	 * The security administrator's reset (a lost phone): the person's secret and recovery
	 * codes are removed; if their roles require two factors, their next sign-in leads to
	 * a new enrolment. Audited.
	 */
	@Transactional
	UserAccount reset(String username) {
		UserAccount account = (username == null || username.isBlank()) ? null
				: this.users.findByUsername(username.strip()).orElse(null);
		if (account == null) {
			throw InvalidInputException.of("username", "twofactor.reset.unknownUser");
		}
		int removed = this.jdbc.sql("DELETE FROM identity_two_factor WHERE user_id = :id")
			.param("id", account.id())
			.update();
		this.jdbc.sql("DELETE FROM identity_recovery_code WHERE user_id = :id").param("id", account.id()).update();
		if (removed == 0) {
			throw InvalidInputException.of("username", "twofactor.reset.notEnrolled");
		}
		this.audit.record("two-factor.reset", "user:" + account.id() + " " + account.username(), AuditOutcome.SUCCESS,
				null);
		return account;
	}

	private boolean useRecoveryCode(UUID userId, String code, Instant now) {
		String normalized = code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
		if (normalized.length() != 10) {
			return false;
		}
		return this.jdbc.sql("""
				UPDATE identity_recovery_code SET used_at = :now
				WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL
				""")
			.param("now", Timestamp.from(now))
			.param("id", userId)
			.param("hash", hash(userId, normalized))
			.update() == 1;
	}

	private String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(this.random.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	private static String hash(UUID userId, String code) {
		return Sm3.hex(userId + ":" + code.toLowerCase(Locale.ROOT).replace("-", ""));
	}

	private void succeeded(GovCloudPrincipal who, String detail) {
		this.audit.recordAs(who.username(), who.organizationName(), "login.second-factor", "user:" + who.userId(),
				AuditOutcome.SUCCESS, detail);
	}

	private void failed(GovCloudPrincipal who, String reason) {
		this.audit.recordAs(who.username(), who.organizationName(), "login.second-factor", "user:" + who.userId(),
				AuditOutcome.FAILURE, reason);
	}

	private Optional<Stored> stored(UUID userId) {
		return this.jdbc.sql("""
				SELECT secret, enrolled_at IS NOT NULL, last_step, failed_attempts, locked_until
				FROM identity_two_factor WHERE user_id = :id
				""").param("id", userId).query(this::map).optional();
	}

	private Optional<Stored> lock(UUID userId) {
		return this.jdbc.sql("""
				SELECT secret, enrolled_at IS NOT NULL, last_step, failed_attempts, locked_until
				FROM identity_two_factor WHERE user_id = :id FOR UPDATE
				""").param("id", userId).query(this::map).optional();
	}

	private Stored map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Stored(this.cipher.open(TwoFactorSecrets.SECRET, rs.getString(1)), rs.getBoolean(2), rs.getLong(3),
				rs.getInt(4), Timestamps.instant(rs.getTimestamp(5)));
	}

	private static Enrolment enrolment(GovCloudPrincipal who, String secret) {
		String label = "GovCloud:" + who.username();
		String uri = "otpauth://totp/" + URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20")
				+ "?secret=" + secret + "&issuer=GovCloud&algorithm=SHA1&digits=" + Totp.DIGITS + "&period="
				+ Totp.STEP_SECONDS;
		return new Enrolment(secret, uri);
	}

	/** What the person puts in their app: the secret in Base32 and as an otpauth URI. */
	record Enrolment(String secret, String uri) {

		/** The secret in groups of four, easier to type. */
		String grouped() {
			return this.secret.replaceAll("(.{4})(?!$)", "$1 ");
		}

	}

	private record Stored(String secret, boolean enrolled, long lastStep, int failedAttempts, Instant lockedUntil) {
	}

}
