package cn.govcloud.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.organization.UserRepository.StoredUser;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and their accounts (C1). The system administrator creates accounts, resets
 * passwords and unlocks; the security administrator grants roles; everyone changes their
 * own password under the policy. Accounts are disabled, never removed.
 */
@Service
public class Users {

	private final UserRepository repository;

	private final OrganizationRepository organizations;

	private final PasswordPolicy policy;

	private final PasswordHashing hashing;

	private final PersonChanges changes;

	Users(UserRepository repository, OrganizationRepository organizations, PasswordPolicy policy,
			PasswordHashing hashing, PersonChanges changes) {
		this.repository = repository;
		this.organizations = organizations;
		this.policy = policy;
		this.hashing = hashing;
		this.changes = changes;
	}

	@Transactional
	public UserAccount create(UserForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.repository.existsByUsername(form.username())) {
			problems.add(new FieldProblem("username", "user.username.taken"));
		}
		Optional<Organization> organization = this.organizations.findById(form.organizationId())
			.filter(Organization::active);
		if (organization.isEmpty()) {
			problems.add(new FieldProblem("organizationId", "user.organization.unknown"));
		}
		else {
			problems.addAll(RoleRules.check(form.roles(), organization.get().kind()));
		}
		problems.addAll(this.policy.check("initialPassword", form.username(), form.initialPassword()));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		this.repository.insert(id, form, this.hashing.hash(form.initialPassword()), Instant.now());
		this.changes.record("user.create", describe(id, form.username()), "roles=" + form.roles());
		return account(id);
	}

	/** The security administrator replaces a person's roles. */
	@Transactional
	public UserAccount assignRoles(UUID id, Set<Role> roles) {
		this.repository.lock(id);
		UserAccount current = account(id);
		List<FieldProblem> problems = RoleRules.check(roles, current.organizationKind());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.repository.replaceRoles(id, roles);
		this.changes.record("user.roles", describe(id, current.username()), current.roles() + " -> " + roles);
		if (!current.roles().equals(roles)) {
			this.changes.publish(new AccessWithdrawn(id, current.username(), AccessWithdrawn.ROLES_CHANGE));
		}
		return account(id);
	}

	@Transactional
	public UserAccount updateProfile(UUID id, String displayName, String phone, String email) {
		UserAccount current = account(id);
		if (displayName == null || displayName.isBlank() || displayName.length() > 50) {
			throw InvalidInputException.of("displayName", "error.field.size", 1, 50);
		}
		this.repository.updateProfile(id, displayName.strip(), phone, email);
		this.changes.record("user.update", describe(id, current.username()));
		return account(id);
	}

	/**
	 * The system administrator sets a temporary password, to be changed at the next
	 * login.
	 */
	@Transactional
	public void resetPassword(UUID id, String temporaryPassword) {
		this.repository.lock(id);
		StoredUser user = stored(id);
		List<FieldProblem> problems = this.policy.check("password", user.account().username(), temporaryPassword);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.repository.remember(id, user.passwordHash(), Instant.now());
		this.repository.setPassword(id, this.hashing.hash(temporaryPassword), true, Instant.now());
		this.changes.record("user.password.reset", describe(id, user.account().username()));
		this.changes.publish(new AccessWithdrawn(id, user.account().username(), AccessWithdrawn.PASSWORD_RESET));
	}

	@Transactional
	public void unlock(UUID id) {
		UserAccount user = account(id);
		this.repository.setLockout(id, 0, null);
		this.changes.record("user.unlock", describe(id, user.username()));
	}

	@Transactional
	public UserAccount setEnabled(UUID id, boolean enabled) {
		UserAccount user = account(id);
		this.repository.setEnabled(id, enabled);
		this.changes.record(enabled ? "user.enable" : "user.disable", describe(id, user.username()));
		return account(id);
	}

	/**
	 * The caller changes their own password: the current one must be right, the new one
	 * must meet the policy and not be one of the last few.
	 * @return the caller, no longer required to change the password
	 */
	@Transactional
	public GovCloudPrincipal changeOwnPassword(GovCloudPrincipal caller, String currentPassword, String newPassword) {
		this.repository.lock(caller.userId());
		StoredUser user = stored(caller.userId());
		if (currentPassword == null || !this.hashing.matches(currentPassword, user.passwordHash())) {
			throw InvalidInputException.of("currentPassword", "password.current.wrong");
		}
		List<FieldProblem> problems = new ArrayList<>(
				this.policy.check("newPassword", user.account().username(), newPassword));
		if (problems.isEmpty() && reused(user, newPassword)) {
			problems.add(new FieldProblem("newPassword", "password.reused", this.policy.history()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = Instant.now();
		this.repository.remember(user.account().id(), user.passwordHash(), now);
		this.repository.setPassword(user.account().id(), this.hashing.hash(newPassword), false, now);
		this.changes.record("user.password.change", describe(caller.userId(), caller.username()));
		return caller.withPasswordChanged();
	}

	private boolean reused(StoredUser user, String newPassword) {
		if (this.hashing.matches(newPassword, user.passwordHash())) {
			return true;
		}
		int earlier = Math.max(0, this.policy.history() - 1);
		return this.repository.recentHashes(user.account().id(), earlier)
			.stream()
			.anyMatch((hash) -> this.hashing.matches(newPassword, hash));
	}

	public UserAccount find(DataScope scope, UUID id) {
		return scope.require(this.repository.findById(id).map(StoredUser::account), UserAccount::organizationId, "user",
				id);
	}

	public Page<UserAccount> search(DataScope scope, UUID organizationId, String text, int page, int size) {
		return search(scope, organizationId, text, null, page, size);
	}

	/**
	 * The same in {@code sort}'s order ({@code field,asc|desc}; null: by organisation and
	 * username).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<UserAccount> search(DataScope scope, UUID organizationId, String text, String sort, int page,
			int size) {
		String query = Text.stripToNull(text);
		Page.Request request = Page.request(page, size, UserRepository.SORTABLE.parse(sort));
		List<UserAccount> items = this.repository
			.search(scope, organizationId, query, UserRepository.SORTABLE.orderBy(request.order()), request.offset(),
					request.size())
			.stream()
			.map(StoredUser::account)
			.toList();
		return request.of(items, this.repository.count(scope, organizationId, query));
	}

	/**
	 * The account with this username, for jobs that start without a caller (e.g. demo
	 * data). No scope check: never answer a request with it.
	 */
	public Optional<UserAccount> findByUsername(String username) {
		return this.repository.findByUsername(username).map(StoredUser::account);
	}

	/**
	 * The account with this id, for jobs that start without a caller (e.g. addressing a
	 * notice by e-mail). No scope check: never answer a request with it.
	 */
	public Optional<UserAccount> findById(UUID id) {
		return this.repository.findById(id).map(StoredUser::account);
	}

	/** Enabled people holding {@code role} in an organisation, e.g. to notify them. */
	public List<UUID> withRole(UUID organizationId, Role role) {
		return this.repository.withRole(organizationId, role);
	}

	/**
	 * Every enabled person holding {@code role}, city-wide, with their organisation: one
	 * query, for other modules' checks over many records (e.g. which systems have a valid
	 * security officer).
	 */
	public List<RoleHolder> holdersOf(Role role) {
		return this.repository.holders(role);
	}

	public long countEnabled() {
		return this.repository.countEnabled();
	}

	public long countEnabledIn(UUID organizationId) {
		return this.repository.countEnabledIn(organizationId);
	}

	/** The principal of an enabled, unlocked account, e.g. for an API token. */
	public Optional<GovCloudPrincipal> principalOf(UUID userId) {
		return this.repository.findById(userId)
			.map(StoredUser::account)
			.filter((account) -> account.enabled() && !account.lockedAt(Instant.now()))
			.map((account) -> Credentials.principal(account, false));
	}

	private UserAccount account(UUID id) {
		return stored(id).account();
	}

	private StoredUser stored(UUID id) {
		return this.repository.findById(id).orElseThrow(() -> new NotFoundException("user", id));
	}

	private static String describe(UUID id, String username) {
		return "user:" + id + " " + username;
	}

}
