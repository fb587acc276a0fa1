package cn.govcloud.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Between the password and the second factor the person may do nothing but enter the code
 * (or, when their roles require two factors and they have none yet, enrol): every other
 * page leads there, every API call is refused.
 */
class SecondFactorFilter extends OncePerRequestFilter {

	static final String CODE_PAGE = "/login/code";

	static final String ENROL_PAGE = "/account/two-factor";

	private static final Set<String> WHILE_CODE_PENDING = Set.of(CODE_PAGE, "/logout", "/error");

	private static final Set<String> WHILE_ENROLMENT_REQUIRED = Set.of(ENROL_PAGE, ENROL_PAGE + "/start",
			ENROL_PAGE + "/confirm", ENROL_PAGE + "/qr.svg", "/logout", "/error");

	private final ProblemResponses problems;

	SecondFactorFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	/** The step still owed by the signed-in session, or {@code null} when none. */
	static String pendingStep() {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		if (who == null) {
			return null;
		}
		for (var granted : who.getAuthorities()) {
			String name = granted.getAuthority();
			if (CredentialsAuthenticationProvider.SECOND_FACTOR_PENDING.equals(name)
					|| CredentialsAuthenticationProvider.ENROLMENT_REQUIRED.equals(name)) {
				return name;
			}
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String step = pendingStep();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean enrolling = CredentialsAuthenticationProvider.ENROLMENT_REQUIRED.equals(step);
		Set<String> allowed = enrolling ? WHILE_ENROLMENT_REQUIRED : WHILE_CODE_PENDING;
		if (step == null || allowed.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/webjars/")) {
			chain.doFilter(request, response);
			return;
		}
		if (SecurityConfiguration.API.matches(request)) {
			this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.secondFactor.required");
		}
		else {
			response.sendRedirect(request.getContextPath() + (enrolling ? ENROL_PAGE : CODE_PAGE));
		}
	}

}
