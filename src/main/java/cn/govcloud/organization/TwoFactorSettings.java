package cn.govcloud.organization;

import java.util.Set;

import cn.govcloud.shared.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The roles that always sign in with two factors (issue 19: the three administrators and
 * the Commission's roles); the security administrator may require it of more roles, never
 * of fewer.
 */
@ConfigurationProperties("govcloud.security.two-factor")
record TwoFactorSettings(Set<Role> requiredRoles) {

	TwoFactorSettings {
		requiredRoles = (requiredRoles != null) ? Set.copyOf(requiredRoles) : Set.of();
	}

}
