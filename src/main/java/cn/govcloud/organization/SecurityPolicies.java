package cn.govcloud.organization;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in policy in force: each setting the security administrator has changed, kept
 * in PostgreSQL (so every node applies the same), the others from
 * {@code application.yml}. Read often (the idle timeout on every request), so a node
 * keeps it for a few seconds; a change made on another node applies within that time.
 */
@Service
public class SecurityPolicies {

	private static final long KEPT_NANOS = Duration.ofSeconds(10).toNanos();

	/** Each setting's bounds: a value outside them is refused, naming the field. */
	private static final Map<String, int[]> BOUNDS = bounds();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final SecurityPolicy defaults;

	private volatile SecurityPolicy kept;

	private volatile long keptAt;

	SecurityPolicies(JdbcClient jdbc, AuditTrail audit, PasswordSettings passwords, LockoutSettings lockout,
			TwoFactorSettings twoFactor, AddressLimitSettings address,
			@Value("${govcloud.security.idle-timeout:15m}") Duration idleTimeout) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.defaults = new SecurityPolicy(passwords.minLength(), passwords.minClasses(), passwords.history(),
				(int) passwords.maxAge().toDays(), lockout.maxFailures(), (int) lockout.duration().toMinutes(),
				idleTimeout, Set.of(), twoFactor.requiredRoles(), address.maxFailures(),
				(int) address.window().toMinutes());
	}

	/** The policy in force. */
	public SecurityPolicy current() {
		SecurityPolicy policy = this.kept;
		if (policy == null || System.nanoTime() - this.keptAt > KEPT_NANOS) {
			policy = load();
			this.kept = policy;
			this.keptAt = System.nanoTime();
		}
		return policy;
	}

	/**
	 * Changes the policy to what the form says; each setting that changes is audited with
	 * its old and new value. Nothing is saved when any field is refused.
	 */
	@Transactional
	public SecurityPolicy change(SecurityPolicyForm form) {
		SecurityPolicy before = load();
		Map<String, String> wanted = parse(form);
		Map<String, String> now = values(before);
		Instant at = Instant.now();
		String by = CurrentUser.get().username();
		List<String> changes = new ArrayList<>();
		wanted.forEach((name, value) -> {
			if (!value.equals(now.get(name))) {
				this.jdbc.sql("""
						INSERT INTO organization_security_policy (name, value, changed_at, changed_by)
						VALUES (:name, :value, :at, :by)
						ON CONFLICT (name) DO UPDATE SET value = :value, changed_at = :at, changed_by = :by
						""")
					.param("name", name)
					.param("value", value)
					.param("at", Timestamp.from(at))
					.param("by", by)
					.update();
				changes.add(name + ": " + now.get(name) + " → " + value);
			}
		});
		if (!changes.isEmpty()) {
			this.audit.record("security-policy.change", "security-policy", AuditOutcome.SUCCESS,
					String.join("; ", changes));
		}
		this.kept = null;
		return current();
	}

	private SecurityPolicy load() {
		Map<String, String> stored = new LinkedHashMap<>(values(this.defaults));
		boolean[] idleTimeoutStored = { false };
		this.jdbc.sql("SELECT name, value FROM organization_security_policy").query((rs) -> {
			stored.put(rs.getString(1), rs.getString(2));
			idleTimeoutStored[0] |= "idleTimeoutMinutes".equals(rs.getString(1));
		});
		// The configured idle timeout may be shorter than a minute (a test's); the page's
		// is in minutes.
		Duration idleTimeout = idleTimeoutStored[0] ? Duration.ofMinutes(number(stored, "idleTimeoutMinutes"))
				: this.defaults.idleTimeout();
		return new SecurityPolicy(number(stored, "passwordMinLength"), number(stored, "passwordMinClasses"),
				number(stored, "passwordHistory"), number(stored, "passwordMaxAgeDays"),
				number(stored, "lockoutMaxFailures"), number(stored, "lockoutMinutes"), idleTimeout,
				roles(stored.get("twoFactorRoles")), this.defaults.twoFactorFloor(),
				number(stored, "addressMaxFailures"), number(stored, "addressWindowMinutes"));
	}

	private static int number(Map<String, String> values, String name) {
		return Integer.parseInt(values.get(name));
	}

	private static Set<Role> roles(String stored) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (stored != null) {
			for (String name : stored.split(",")) {
				if (!name.isBlank()) {
					roles.add(Role.valueOf(name.strip()));
				}
			}
		}
		return roles;
	}

	/** The policy as the stored name → value pairs. */
	static Map<String, String> values(SecurityPolicy policy) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("passwordMinLength", String.valueOf(policy.passwordMinLength()));
		values.put("passwordMinClasses", String.valueOf(policy.passwordMinClasses()));
		values.put("passwordHistory", String.valueOf(policy.passwordHistory()));
		values.put("passwordMaxAgeDays", String.valueOf(policy.passwordMaxAgeDays()));
		values.put("lockoutMaxFailures", String.valueOf(policy.lockoutMaxFailures()));
		values.put("lockoutMinutes", String.valueOf(policy.lockoutMinutes()));
		values.put("idleTimeoutMinutes", String.valueOf(policy.idleTimeout().toMinutes()));
		values.put("addressMaxFailures", String.valueOf(policy.addressMaxFailures()));
		values.put("addressWindowMinutes", String.valueOf(policy.addressWindowMinutes()));
		values.put("twoFactorRoles",
				policy.twoFactorRoles()
					.stream()
					.map(Role::name)
					.collect(Collectors.toCollection(TreeSet::new))
					.stream()
					.collect(Collectors.joining(",")));
		return values;
	}

	/** The form's values as stored pairs, or every refused field named. */
	static Map<String, String> parse(SecurityPolicyForm form) {
		Map<String, String> given = form.numbers();
		Map<String, String> values = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		BOUNDS.forEach((name, range) -> {
			String text = given.get(name);
			if (text == null || text.isBlank()) {
				problems.add(new FieldProblem(name, "error.field.required"));
				return;
			}
			try {
				int value = Integer.parseInt(text.strip());
				if (value < range[0] || value > range[1]) {
					problems.add(new FieldProblem(name, "policy.range", range[0], range[1]));
				}
				else {
					values.put(name, String.valueOf(value));
				}
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem(name, "policy.range", range[0], range[1]));
			}
		});
		Set<String> roles = new TreeSet<>();
		for (String role : (form.twoFactorRoles() != null) ? form.twoFactorRoles() : List.<String>of()) {
			try {
				roles.add(Role.valueOf(role).name());
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add(new FieldProblem("twoFactorRoles", "policy.role.unknown", String.valueOf(role)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		values.put("twoFactorRoles", String.join(",", roles));
		return values;
	}

	private static Map<String, int[]> bounds() {
		Map<String, int[]> bounds = new LinkedHashMap<>();
		// 等保 level 3 practice: at least 8 characters of 3 classes; the page may be
		// stricter.
		bounds.put("passwordMinLength", new int[] { 8, 64 });
		bounds.put("passwordMinClasses", new int[] { 2, 4 });
		bounds.put("passwordHistory", new int[] { 0, 24 });
		bounds.put("passwordMaxAgeDays", new int[] { 1, 365 });
		bounds.put("lockoutMaxFailures", new int[] { 3, 10 });
		bounds.put("lockoutMinutes", new int[] { 1, 1440 });
		bounds.put("idleTimeoutMinutes", new int[] { 1, 120 });
		bounds.put("addressMaxFailures", new int[] { 5, 10000 });
		bounds.put("addressWindowMinutes", new int[] { 1, 1440 });
		return bounds;
	}

}
