package cn.govcloud.security;

import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data scopes of demo accounts, as their sign-in would give them, and of strangers.
 */
record PeopleScopes(JdbcClient jdbc, DataScopes scopes) {

	DataScope of(String username) {
		GovCloudPrincipal principal = this.jdbc.sql("""
				SELECT u.id, u.username, u.display_name, o.id AS org, o.name, o.kind FROM app_user u
				JOIN organization o ON o.id = u.organization_id WHERE u.username = :u
				""")
			.param("u", username)
			.query((rs, n) -> new GovCloudPrincipal(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getString(5), OrganizationKind.valueOf(rs.getString(6)),
					roles(rs.getObject(1, UUID.class)), false))
			.single();
		return this.scopes.of(principal);
	}

	/** Someone of an organisation of {@code kind} no record here concerns. */
	DataScope stranger(UUID organization, OrganizationKind kind, Role role) {
		return this.scopes.of(new GovCloudPrincipal(UUID.randomUUID(), "stranger", "陌生人", organization, "其他", kind,
				Set.of(role), false));
	}

	private Set<Role> roles(UUID user) {
		return Set.copyOf(this.jdbc.sql("SELECT role FROM user_role WHERE user_id = :id")
			.param("id", user)
			.query((r, i) -> Role.valueOf(r.getString(1)))
			.list());
	}

}
