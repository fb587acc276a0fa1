package cn.govcloud.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govcloud.shared.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The problems of a refused price list as the reader's language says them, each with its
 * field; a cell of an imported sheet ({@code rows[12].D}) also with its row and column
 * apart.
 */
@Component
class PriceProblems {

	private static final Pattern CELL = Pattern.compile("^rows\\[(\\d+)]\\.([A-Z]+)$");

	private final MessageSource messages;

	PriceProblems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Each problem: {@code field}, {@code message} and, for a cell, {@code row} and
	 * {@code column}.
	 */
	List<Map<String, Object>> of(InvalidInputException ex) {
		List<Map<String, Object>> errors = new ArrayList<>();
		if (ex == null) {
			return errors;
		}
		ex.problems().forEach((problem) -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("field", problem.field());
			Matcher cell = CELL.matcher(problem.field());
			if (cell.matches()) {
				error.put("row", Integer.parseInt(cell.group(1)));
				error.put("column", cell.group(2));
			}
			error.put("message", this.messages.getMessage(problem.code(), problem.args(), problem.code(),
					LocaleContextHolder.getLocale()));
			errors.add(error);
		});
		return errors;
	}

	ProblemDetail problemDetail(InvalidInputException ex) {
		List<Map<String, Object>> errors = of(ex);
		String detail = errors.isEmpty() ? text("error.invalid")
				: errors.get(0).get("field") + ": " + errors.get(0).get("message");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(text("error.title.400"));
		problem.setProperty("errors", errors);
		return problem;
	}

	private String text(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

}
