package cn.govcloud.organization;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The password rules of 等保 level 3 practice, as configured: length, character classes,
 * not containing the username, not reused. Reuse is checked by {@link Users} against the
 * stored hashes.
 */
@Component
class PasswordPolicy {

	static final int MAX_LENGTH = 128;

	private final Supplier<SecurityPolicy> policy;

	@Autowired
	PasswordPolicy(SecurityPolicies policies) {
		this.policy = policies::current;
	}

	/** A fixed policy (tests). */
	PasswordPolicy(PasswordSettings settings) {
		SecurityPolicy fixed = new SecurityPolicy(settings.minLength(), settings.minClasses(), settings.history(),
				(int) settings.maxAge().toDays(), 5, 15, Duration.ofMinutes(15), Set.of(), Set.of(), 20, 10);
		this.policy = () -> fixed;
	}

	/**
	 * The rules {@code password} breaks, reported on {@code field}; empty when it is
	 * acceptable.
	 */
	List<FieldProblem> check(String field, String username, String password) {
		List<FieldProblem> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add(new FieldProblem(field, "error.field.required"));
			return problems;
		}
		SecurityPolicy rules = this.policy.get();
		if (password.length() < rules.passwordMinLength() || password.length() > MAX_LENGTH) {
			problems.add(new FieldProblem(field, "password.length", rules.passwordMinLength(), MAX_LENGTH));
		}
		if (classes(password) < rules.passwordMinClasses()) {
			problems.add(new FieldProblem(field, "password.classes", rules.passwordMinClasses()));
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problems.add(new FieldProblem(field, "password.containsUsername"));
		}
		return problems;
	}

	int history() {
		return this.policy.get().passwordHistory();
	}

	static int classes(String password) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

}
