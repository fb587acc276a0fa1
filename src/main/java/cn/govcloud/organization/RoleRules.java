package cn.govcloud.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;

/**
 * Which roles a person may hold together: each role belongs to one kind of organisation
 * (C1), and the system, security and audit administrators of 等保 level 3 are three
 * different people.
 */
final class RoleRules {

	private RoleRules() {
	}

	static List<FieldProblem> check(Set<Role> roles, OrganizationKind kind) {
		List<FieldProblem> problems = new ArrayList<>();
		if (roles.isEmpty()) {
			problems.add(new FieldProblem("roles", "user.roles.required"));
		}
		for (Role role : roles) {
			if (role.organizationKind() != kind) {
				problems.add(new FieldProblem("roles", "user.roles.wrongKind", role.name(), kind.name()));
			}
		}
		Set<Role> administrators = roles.stream().filter(Role::isAdministrator).collect(Collectors.toSet());
		if (administrators.size() > 1) {
			problems.add(new FieldProblem("roles", "user.roles.administratorsExclusive",
					administrators.stream().map(Role::name).sorted().collect(Collectors.joining(", "))));
		}
		return problems;
	}

}
