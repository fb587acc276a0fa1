package cn.govcloud.organization;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import cn.govcloud.shared.web.ListParameters;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

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
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organisations", description = "The Commission, units, suppliers and the finance bureau (Art. 4)")
class OrganizationApi {

	private static final String SORT = ListParameters.SORT + "name, kind, creditCode, contactPerson, active.";

	private final Organizations organizations;

	private final DataScopes scopes;

	OrganizationApi(Organizations organizations, DataScopes scopes) {
		this.organizations = organizations;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_DIRECTORY)
	@Operation(summary = "Organisations in the caller's scope, filtered and paged")
	Page<Organization> search(@RequestParam(required = false) OrganizationKind kind,
			@RequestParam(required = false) String q,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.organizations.search(this.scopes.directory(), kind, q, sort, page, size);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_DIRECTORY)
	@Operation(summary = "One organisation; outside the caller's scope it does not exist")
	Organization get(@PathVariable UUID id) {
		return this.organizations.find(this.scopes.directory(), id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_ACCOUNTS)
	@Operation(summary = "Register an organisation (system administrator)")
	Organization register(@Valid @RequestBody OrganizationForm form) {
		return this.organizations.register(form);
	}

	@PutMapping("/{id}")
	@Allowed(Permission.KEEP_ACCOUNTS)
	@Operation(summary = "Edit an organisation's name, credit code and contact (system administrator)")
	Organization update(@PathVariable UUID id, @Valid @RequestBody OrganizationForm form) {
		return this.organizations.update(this.scopes.directory(), id, form);
	}

	@PostMapping("/{id}/deactivate")
	@Allowed(Permission.KEEP_ACCOUNTS)
	@Operation(summary = "Deactivate an organisation; nothing is removed")
	Organization deactivate(@PathVariable UUID id) {
		return this.organizations.setActive(this.scopes.directory(), id, false);
	}

	@PostMapping("/{id}/activate")
	@Allowed(Permission.KEEP_ACCOUNTS)
	@Operation(summary = "Activate an organisation again")
	Organization activate(@PathVariable UUID id) {
		return this.organizations.setActive(this.scopes.directory(), id, true);
	}

}
