package cn.govcloud.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * The rules of a requested window (Art. 17): it ends after it starts, is not over yet,
 * and lasts at most the configured maximum (72 hours unless set otherwise).
 */
final class AccessWindow {

	private AccessWindow() {
	}

	static List<FieldProblem> problems(Instant from, Instant until, Instant now, Duration max) {
		List<FieldProblem> problems = new ArrayList<>();
		if (from == null) {
			problems.add(new FieldProblem("from", "error.field.required"));
		}
		if (until == null) {
			problems.add(new FieldProblem("until", "error.field.required"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		if (!until.isAfter(from)) {
			problems.add(new FieldProblem("until", "access.window.order"));
		}
		else if (Duration.between(from, until).compareTo(max) > 0) {
			problems.add(new FieldProblem("until", "access.window.tooLong", max.toHours()));
		}
		else if (!until.isAfter(now)) {
			problems.add(new FieldProblem("until", "access.window.past"));
		}
		return problems;
	}

}
