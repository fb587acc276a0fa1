package cn.govcloud.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.Text;

/**
 * The problems of one form, collected field by field so the person sees them all at once;
 * nothing is written while there is one.
 */
final class FieldChecks {

	private final List<FieldProblem> problems = new ArrayList<>();

	/** A text that must be given, at most {@code limit} characters; stripped. */
	String required(String field, String value, int limit) {
		String text = Text.stripToNull(value);
		if (text == null) {
			this.problems.add(new FieldProblem(field, "error.field.required"));
		}
		else if (text.length() > limit) {
			this.problems.add(new FieldProblem(field, "finding.text.tooLong", limit));
		}
		return text;
	}

	/** A day that must be given, within the dates GovCloud keeps. */
	LocalDate day(String field, LocalDate value) {
		if (value == null) {
			this.problems.add(new FieldProblem(field, "error.field.required"));
		}
		else if (!InputBounds.fitsDate(value)) {
			this.problems.add(new FieldProblem(field, "inspection.date.invalid"));
		}
		return value;
	}

	/** A value that must be given. */
	<T> T present(String field, T value) {
		if (value == null) {
			this.problems.add(new FieldProblem(field, "error.field.required"));
		}
		return value;
	}

	void refuse(String field, String code, Object... args) {
		this.problems.add(new FieldProblem(field, code, args));
	}

	boolean fine() {
		return this.problems.isEmpty();
	}

	/** Throws the problems found, naming each field, if there is any. */
	void check() {
		if (!this.problems.isEmpty()) {
			throw new InvalidInputException(List.copyOf(this.problems));
		}
	}

}
