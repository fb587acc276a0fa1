package cn.govcloud.organization;

import java.util.Set;

import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleRulesTests {

	@Test
	void eachAdministratorAloneIsAllowed() {
		for (Role administrator : Role.ADMINISTRATORS) {
			assertThat(RoleRules.check(Set.of(administrator), OrganizationKind.COMMISSION)).isEmpty();
		}
	}

	@Test
	void anAdministratorMayAlsoDoCommissionWork() {
		assertThat(RoleRules.check(Set.of(Role.SYSTEM_ADMIN, Role.COMMISSION_MANAGER), OrganizationKind.COMMISSION))
			.isEmpty();
	}

	@Test
	void noTwoOfTheThreeAdministratorsOnOnePerson() {
		assertThat(codes(Set.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)))
			.containsExactly("user.roles.administratorsExclusive");
		assertThat(codes(Set.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN)))
			.containsExactly("user.roles.administratorsExclusive");
		assertThat(codes(Set.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)))
			.containsExactly("user.roles.administratorsExclusive");
		assertThat(codes(Role.ADMINISTRATORS)).containsExactly("user.roles.administratorsExclusive");
	}

	@Test
	void theMessageNamesTheClashingRoles() {
		FieldProblem problem = RoleRules
			.check(Set.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN), OrganizationKind.COMMISSION)
			.get(0);
		assertThat(problem.field()).isEqualTo("roles");
		assertThat(problem.args()).containsExactly("AUDIT_ADMIN, SECURITY_ADMIN");
	}

	@Test
	void aRoleBelongsToItsKindOfOrganisation() {
		assertThat(RoleRules.check(Set.of(Role.UNIT_ADMIN), OrganizationKind.SUPPLIER)).extracting(FieldProblem::code)
			.containsExactly("user.roles.wrongKind");
		assertThat(RoleRules.check(Set.of(Role.SYSTEM_ADMIN), OrganizationKind.UNIT)).extracting(FieldProblem::code)
			.containsExactly("user.roles.wrongKind");
		assertThat(RoleRules.check(Set.of(Role.UNIT_ADMIN, Role.SECURITY_OFFICER), OrganizationKind.UNIT)).isEmpty();
	}

	@Test
	void someoneHasAtLeastOneRole() {
		assertThat(RoleRules.check(Set.of(), OrganizationKind.UNIT)).extracting(FieldProblem::code)
			.containsExactly("user.roles.required");
	}

	private static java.util.List<String> codes(Set<Role> roles) {
		return RoleRules.check(roles, OrganizationKind.COMMISSION).stream().map(FieldProblem::code).toList();
	}

}
