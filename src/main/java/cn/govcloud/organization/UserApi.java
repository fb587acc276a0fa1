package cn.govcloud.organization;

import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import cn.govcloud.shared.web.ListParameters;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "People, their accounts and roles (C1)")
class UserApi {

	private static final String SORT = ListParameters.SORT
			+ "username, displayName, organizationName, enabled, createdAt.";

	private final Users users;

	private final DataScopes scopes;

	UserApi(Users users, DataScopes scopes) {
		this.users = users;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_DIRECTORY)
	@Operation(summary = "People in the caller's scope, filtered and paged")
	Page<UserAccount> search(@RequestParam(required = false) UUID organizationId,
			@Parameter(description = "Part of the username or name, or a whole e-mail address (found exactly, "
					+ "through its keyed SM3 index)") @RequestParam(required = false) String q,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.users.search(this.scopes.directory(), organizationId, q, sort, page, size);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_DIRECTORY)
	@Operation(summary = "One person; outside the caller's scope they do not exist")
	UserAccount get(@PathVariable UUID id) {
		return this.users.find(this.scopes.directory(), id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_ACCOUNTS)
	@Operation(summary = "Create an account (system administrator); changed at first login")
	UserAccount create(@Valid @RequestBody UserForm form) {
		return this.users.create(form);
	}

	@PutMapping("/{id}/roles")
	@Allowed(Permission.ASSIGN_ROLES)
	@Operation(summary = "Replace a person's roles (security administrator)")
	UserAccount roles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
		return this.users.assignRoles(this.users.find(this.scopes.directory(), id).id(), request.roles());
	}

	@PostMapping("/{id}/password-reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Allowed(Permission.KEEP_ACCOUNTS)
	@Operation(summary = "Set a temporary password, to be changed at the next login (system administrator)")
	void resetPassword(@PathVariable UUID id, @Valid @RequestBody PasswordResetRequest request) {
		this.users.resetPassword(this.users.find(this.scopes.directory(), id).id(), request.password());
	}

	@PostMapping("/{id}/unlock")
	@Allowed(Permission.KEEP_ACCOUNTS)
	@Operation(summary = "Lift a lockout (system administrator)")
	UserAccount unlock(@PathVariable UUID id) {
		UUID user = this.users.find(this.scopes.directory(), id).id();
		this.users.unlock(user);
		return this.users.find(this.scopes.directory(), user);
	}

	@PostMapping("/{id}/disable")
	@Allowed(Permission.KEEP_ACCOUNTS)
	@Operation(summary = "Disable an account; nothing is removed")
	UserAccount disable(@PathVariable UUID id) {
		return this.users.setEnabled(this.users.find(this.scopes.directory(), id).id(), false);
	}

	@PostMapping("/{id}/enable")
	@Allowed(Permission.KEEP_ACCOUNTS)
	@Operation(summary = "Enable an account again")
	UserAccount enable(@PathVariable UUID id) {
		return this.users.setEnabled(this.users.find(this.scopes.directory(), id).id(), true);
	}

	record RolesRequest(@NotNull Set<Role> roles) {
	}

	record PasswordResetRequest(@NotNull String password) {
	}

}
