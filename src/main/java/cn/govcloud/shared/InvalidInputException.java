package cn.govcloud.shared;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input that breaks a rule. Each problem names the field and carries a message code of
 * the {@code messages} bundles, so the user reads it in their language; nothing has been
 * saved.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	public static InvalidInputException of(String field, String code, Object... args) {
		return new InvalidInputException(List.of(new FieldProblem(field, code, args)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	private static String describe(List<FieldProblem> problems) {
		StringBuilder text = new StringBuilder("Invalid input:");
		problems.forEach((problem) -> text.append(' ').append(problem.field()).append('=').append(problem.code()));
		return text.toString();
	}

	/**
	 * One broken rule.
	 *
	 * @param field the field's name as the form or JSON body spells it
	 * @param code the message code
	 * @param args the message arguments
	 */
	public record FieldProblem(String field, String code, Object... args) {
	}

}
