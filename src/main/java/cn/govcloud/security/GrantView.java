package cn.govcloud.security;

import java.util.List;

/**
 * A grant as its page and the API show it.
 *
 * @param standing the status, or {@code EXPIRED} once an approved window has passed
 * @param overdue an emergency left undecided past its deadline
 * @param mayDecide whether the reader may approve, refuse or revoke it
 */
record GrantView(AccessGrant grant, String standing, boolean overdue, boolean mayDecide, List<GrantInstance> instances,
		List<GrantEntry> history) {

	static GrantView of(AccessGrants grants, cn.govcloud.shared.DataScope scope, AccessGrant grant) {
		return new GrantView(grant, grant.standing(java.time.Instant.now()), grants.overdue(grant),
				grants.mayDecide(scope, grant), grants.instances(scope, grant.id()), grants.history(scope, grant.id()));
	}

}
