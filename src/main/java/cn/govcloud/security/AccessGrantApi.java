package cn.govcloud.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/access-grants")
@Tag(name = "Access grants", description = "Access to a unit's instances only with its authorisation (Art. 17)")
class AccessGrantApi {

	private static final String SORT = ListParameters.SORT + "number, unitName, kind, status, from, createdAt.";

	private final AccessGrants grants;

	private final DataScopes scopes;

	AccessGrantApi(AccessGrants grants, DataScopes scopes) {
		this.grants = grants;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_ACCESS_GRANTS)
	@Operation(summary = "Access grants in the caller's scope, newest first unless sorted; size at most 200")
	Page<GrantRow> list(@RequestParam(required = false) GrantStatus status, @RequestParam(required = false) UUID unitId,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.grants.search(this.scopes.current(), status, unitId, sort, page, size);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.REQUEST_ACCESS)
	@Operation(summary = "Ask for access to a unit's instances (window at most 72 h), or with emergency=true and "
			+ "a P1 ticket take it at once; the unit is told")
	GrantView request(@RequestBody AccessRequestForm form) {
		DataScope scope = this.scopes.current();
		return GrantView.of(this.grants, scope, this.grants.request(scope, form));
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_ACCESS_GRANTS)
	@Operation(summary = "A grant with its instances and history")
	GrantView get(@PathVariable UUID id) {
		DataScope scope = this.scopes.current();
		return GrantView.of(this.grants, scope, this.grants.find(scope, id));
	}

	@PostMapping("/{id}/approve")
	@Allowed(Permission.DECIDE_ACCESS)
	@Operation(summary = "Approve, possibly a narrower window or fewer instances ({} approves what was asked); "
			+ "409 naming who decided first")
	GrantView approve(@PathVariable UUID id, @RequestBody ApprovalBody body) {
		DataScope scope = this.scopes.current();
		return GrantView.of(this.grants, scope, this.grants.approve(scope, id,
				new AccessGrant.Approval(body.from(), body.until(), body.instanceIds(), body.reason())));
	}

	@PostMapping("/{id}/refuse")
	@Allowed(Permission.DECIDE_ACCESS)
	@Operation(summary = "Refuse with a reason (an emergency: after the fact, it stops at once)")
	GrantView refuse(@PathVariable UUID id, @RequestBody(required = false) ReasonBody body) {
		DataScope scope = this.scopes.current();
		return GrantView.of(this.grants, scope, this.grants.refuse(scope, id, (body != null) ? body.reason() : null));
	}

	@PostMapping("/{id}/revoke")
	@Allowed(Permission.DECIDE_ACCESS)
	@Operation(summary = "End an approved grant early, with a reason")
	GrantView revoke(@PathVariable UUID id, @RequestBody(required = false) ReasonBody body) {
		DataScope scope = this.scopes.current();
		return GrantView.of(this.grants, scope, this.grants.revoke(scope, id, (body != null) ? body.reason() : null));
	}

	/** The unit's approval: omitted fields keep what was asked. */
	record ApprovalBody(Instant from, Instant until, List<UUID> instanceIds, String reason) {
	}

	record ReasonBody(String reason) {
	}

}
