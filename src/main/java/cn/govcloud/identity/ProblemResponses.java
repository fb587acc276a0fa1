package cn.govcloud.identity;

import java.io.IOException;

import cn.govcloud.shared.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * ProblemDetail answers written by the sign-in filters, before any controller runs, in
 * the one problem format of {@link ProblemWriter}.
 */
class ProblemResponses {

	private final ProblemWriter writer;

	ProblemResponses(ProblemWriter writer) {
		this.writer = writer;
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
		this.writer.write(request, response, status, null, code);
	}

}
