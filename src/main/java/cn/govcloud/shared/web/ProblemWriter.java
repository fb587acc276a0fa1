package cn.govcloud.shared.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes GovCloud's problem answer ({@code application/problem+json}: title, status,
 * detail and the field under {@code errors}) where no controller runs: in filters, and
 * for requests the servlet container refuses before GovCloud sees them.
 */
@Component
public class ProblemWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	private final LocaleResolver locales;

	ProblemWriter(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	/**
	 * @param field the field the problem is about, or {@code null}
	 * @param code the message code of the problem
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String field,
			String code, Object... args) throws IOException {
		Locale locale = locale(request);
		String message = this.messages.getMessage(code, args, code, locale);
		ObjectNode problem = JSON.createObjectNode()
			.put("type", "about:blank")
			.put("title",
					this.messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale))
			.put("status", status.value())
			.put("detail", (field != null) ? field + ": " + message : message)
			.put("instance", request.getRequestURI());
		if (field != null) {
			problem.putArray("errors").addObject().put("field", field).put("message", message);
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(problem));
	}

	private Locale locale(HttpServletRequest request) {
		try {
			return this.locales.resolveLocale(request);
		}
		catch (RuntimeException ex) {
			return Locale.SIMPLIFIED_CHINESE;
		}
	}

}
