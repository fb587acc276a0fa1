package cn.govcloud.organization;

import java.time.Instant;
import java.util.Optional;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.organization.UserRepository.StoredUser;
import cn.govcloud.shared.GovCloudPrincipal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password at login, with the lockout of 等保 level 3: after the
 * configured number of wrong passwords in a row the account is locked for a while. Every
 * attempt is audited. The answer never says whether the username exists or is locked.
 */
@Service
public class Credentials {

	private final UserRepository repository;

	private final PasswordHashing hashing;

	private final SecurityPolicies policies;

	private final AuditTrail audit;

	Credentials(UserRepository repository, PasswordHashing hashing, SecurityPolicies policies, AuditTrail audit) {
		this.repository = repository;
		this.hashing = hashing;
		this.policies = policies;
		this.audit = audit;
	}

	/** The signed-in principal, or empty when the login fails for any reason. */
	@Transactional
	public Optional<GovCloudPrincipal> verify(String username, String password) {
		Optional<StoredUser> found = (username == null || username.isBlank() || username.length() > 50)
				? Optional.empty() : this.repository.findByUsername(username.strip());
		if (found.isEmpty()) {
			this.hashing.spendTimeForUnknownUser((password != null) ? password : "");
			failed(username, null, "unknown user");
			return Optional.empty();
		}
		this.repository.lock(found.get().account().id());
		StoredUser user = this.repository.findById(found.get().account().id()).orElseThrow();
		UserAccount account = user.account();
		Instant now = Instant.now();
		SecurityPolicy policy = this.policies.current();
		boolean passwordMatches = password != null && this.hashing.matches(password, user.passwordHash());
		if (!account.enabled()) {
			failed(account.username(), account.organizationName(), "account disabled");
			return Optional.empty();
		}
		if (account.lockedAt(now)) {
			failed(account.username(), account.organizationName(), "account locked until " + account.lockedUntil());
			return Optional.empty();
		}
		if (!passwordMatches) {
			int failures = user.failedAttempts() + 1;
			boolean locks = failures >= policy.lockoutMaxFailures();
			this.repository.setLockout(account.id(), locks ? 0 : failures,
					locks ? now.plus(policy.lockoutDuration()) : null);
			failed(account.username(), account.organizationName(),
					"wrong password (" + failures + ")" + (locks ? ", account locked" : ""));
			return Optional.empty();
		}
		this.repository.setLockout(account.id(), 0, null);
		if (this.hashing.needsUpgrade(user.passwordHash())) {
			this.repository.rehash(account.id(), this.hashing.hash(password));
		}
		boolean expired = account.passwordChangedAt().plus(policy.passwordMaxAge()).isBefore(now);
		this.audit.recordAs(account.username(), account.organizationName(), "login", "user:" + account.id(),
				AuditOutcome.SUCCESS, expired ? "password expired" : null);
		return Optional.of(principal(account, account.mustChangePassword() || expired));
	}

	private void failed(String username, String organization, String reason) {
		this.audit.recordAs((username == null || username.isBlank()) ? "(empty)" : username, organization, "login",
				null, AuditOutcome.FAILURE, reason);
	}

	static GovCloudPrincipal principal(UserAccount account, boolean passwordChangeRequired) {
		return new GovCloudPrincipal(account.id(), account.username(), account.displayName(), account.organizationId(),
				account.organizationName(), account.organizationKind(), account.roles(), passwordChangeRequired);
	}

}
