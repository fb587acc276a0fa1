package cn.govcloud.organization;

import java.time.Duration;
import java.util.List;

import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(
			new PasswordSettings(8, 3, 5, Duration.ofDays(90), "argon2"));

	@Test
	void acceptsEightCharactersOfThreeClasses() {
		assertThat(codes("zhang", "Abcdef12")).isEmpty();
		assertThat(codes("zhang", "abcdef1!")).isEmpty();
		assertThat(codes("zhang", "政务云Abc123")).isEmpty();
	}

	@Test
	void refusesShortPasswords() {
		assertThat(codes("zhang", "Abcde1!")).containsExactly("password.length");
	}

	@Test
	void refusesOverlongPasswords() {
		assertThat(codes("zhang", "Aa1!".repeat(33))).containsExactly("password.length");
	}

	@Test
	void refusesFewerThanThreeClasses() {
		assertThat(codes("zhang", "abcdefgh1")).containsExactly("password.classes");
		assertThat(codes("zhang", "ABCDEFGHabc")).containsExactly("password.classes");
		assertThat(codes("zhang", "12345678")).containsExactly("password.classes");
	}

	@Test
	void refusesThePasswordContainingTheUsernameInAnyCase() {
		assertThat(codes("zhangwei", "ZhangWei#2026")).containsExactly("password.containsUsername");
		assertThat(codes("zhangwei", "x1!ZHANGWEIx")).containsExactly("password.containsUsername");
	}

	@Test
	void reportsEveryBrokenRuleOnTheGivenField() {
		List<FieldProblem> problems = this.policy.check("newPassword", "ab", "ab");
		assertThat(problems).extracting(FieldProblem::code)
			.containsExactly("password.length", "password.classes", "password.containsUsername");
		assertThat(problems).extracting(FieldProblem::field).containsOnly("newPassword");
	}

	@Test
	void anEmptyPasswordIsMissing() {
		assertThat(codes("zhang", "")).containsExactly("error.field.required");
		assertThat(codes("zhang", null)).containsExactly("error.field.required");
	}

	@Test
	void theRulesFollowTheSettings() {
		PasswordPolicy strict = new PasswordPolicy(new PasswordSettings(12, 4, 5, Duration.ofDays(90), "argon2"));
		assertThat(strict.check("p", "u", "Abcdef12").stream().map(FieldProblem::code))
			.containsExactly("password.length", "password.classes");
		assertThat(strict.check("p", "u", "Abcdef12345!")).isEmpty();
	}

	private List<String> codes(String username, String password) {
		return this.policy.check("password", username, password).stream().map(FieldProblem::code).toList();
	}

}
