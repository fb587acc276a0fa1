package cn.govcloud.shared.web;

import java.util.List;

import cn.govcloud.shared.InvalidInputException;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;

/** Domain errors become field errors of the form that caused them. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(BindingResult binding, InvalidInputException ex) {
		ex.problems().forEach((problem) -> {
			if (binding.getTarget() != null && isField(binding, problem.field())) {
				binding.rejectValue(problem.field(), problem.code(), problem.args(), problem.code());
			}
			else {
				binding.reject(problem.code(), problem.args(), problem.code());
			}
		});
	}

	/** The problems as resolvable messages, for pages without a bound form object. */
	public static List<DefaultMessageSourceResolvable> messages(InvalidInputException ex) {
		return ex.problems()
			.stream()
			.map((problem) -> new DefaultMessageSourceResolvable(new String[] { problem.code() }, problem.args(),
					problem.code()))
			.toList();
	}

	private static boolean isField(BindingResult binding, String field) {
		try {
			binding.getFieldType(field);
			return binding.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
