package cn.govcloud.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * The password rules of 等保 level 3 practice, as configured: length, character classes,
 * not containing the username, not reused. Reuse is checked by {@link Users} against the
 * stored hashes.
 */
@Component
class PasswordPolicy {

	static final int MAX_LENGTH = 128;

	private final PasswordSettings settings;

	PasswordPolicy(PasswordSettings settings) {
		this.settings = settings;
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
		if (password.length() < this.settings.minLength() || password.length() > MAX_LENGTH) {
			problems.add(new FieldProblem(field, "password.length", this.settings.minLength(), MAX_LENGTH));
		}
		if (classes(password) < this.settings.minClasses()) {
			problems.add(new FieldProblem(field, "password.classes", this.settings.minClasses()));
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problems.add(new FieldProblem(field, "password.containsUsername"));
		}
		return problems;
	}

	int history() {
		return this.settings.history();
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
