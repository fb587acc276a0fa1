package cn.govcloud.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Refusals and problems as the reader's language says them, for pages: one message per
 * field.
 */
@Component
public class PageMessages {

	private final MessageSource messages;

	PageMessages(MessageSource messages) {
		this.messages = messages;
	}

	public String of(ConflictException conflict) {
		return this.messages.getMessage(conflict.code(), conflict.args(), conflict.code(),
				LocaleContextHolder.getLocale());
	}

	/** Each problem's message by field, e.g. {@code lines[0].spec.vcpu}. */
	public Map<String, String> of(InvalidInputException problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (problems != null) {
			problems.problems()
				.forEach((problem) -> errors.merge(problem.field(), this.messages.getMessage(problem.code(),
						problem.args(), problem.code(), LocaleContextHolder.getLocale()), (a, b) -> a + " " + b));
		}
		return errors;
	}

}
