package cn.govcloud.shared;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadersTests {

	private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

	@Test
	void businessRecordsAreReadByEveryRoleButTheThreeAdministrators() {
		assertThat(named(Readers.BUSINESS)).isEqualTo(Readers.BUSINESS_ROLES)
			.doesNotContainAnyElementsOf(Role.ADMINISTRATORS);
		assertThat(Readers.BUSINESS_ROLES).hasSize(Role.values().length - 3);
	}

	@Test
	void theDirectoryIsReadByTheBusinessRolesAndTheSystemAndSecurityAdministratorsNotTheAuditAdministrator() {
		assertThat(named(Readers.DIRECTORY)).containsAll(Readers.BUSINESS_ROLES)
			.contains(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)
			.doesNotContain(Role.AUDIT_ADMIN);
		assertThat(named(Readers.AUDIT_TRAIL)).containsExactly(Role.AUDIT_ADMIN);
	}

	private static Set<Role> named(String expression) {
		Matcher matcher = ROLE.matcher(expression);
		Set<String> names = matcher.results().map((result) -> result.group(1)).collect(Collectors.toSet());
		assertThat(Arrays.stream(Role.values()).map(Role::name)).as("only real roles").containsAll(names);
		return names.stream().map(Role::valueOf).collect(Collectors.toSet());
	}

}
