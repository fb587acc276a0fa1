package cn.govcloud.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.servlet.LocaleResolver;

/** ProblemDetail answers written by filters, before any controller runs. */
class ProblemResponses {

	private final MessageSource messages;

	private final LocaleResolver locales;

	ProblemResponses(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthenticated");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "error.forbidden");
	}

	void tokenNeedsSession(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "error.token.sessionOnly");
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException {
		Locale locale = locale(request);
		String title = this.messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(),
				locale);
		String detail = this.messages.getMessage(code, null, code, locale);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status.value()
					+ ",\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
	}

	private Locale locale(HttpServletRequest request) {
		return this.locales.resolveLocale(request);
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
