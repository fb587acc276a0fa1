package cn.govcloud.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.GovCloudPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At the first login and when the password has expired, the person may do nothing but
 * change it.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String PAGE = "/account/password";

	private static final Set<String> ALLOWED = Set.of(PAGE, "/api/v1/account/password", "/logout", "/error");

	private final ProblemResponses problems;

	PasswordChangeRequiredFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The second factor comes first: its filter holds the session until it is given.
		boolean required = SecondFactorFilter.pendingStep() == null
				&& CurrentUser.find().map(GovCloudPrincipal::passwordChangeRequired).orElse(false);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!required || ALLOWED.contains(path) || path.startsWith("/css/") || path.startsWith("/webjars/")) {
			chain.doFilter(request, response);
			return;
		}
		if (SecurityConfiguration.API.matches(request)) {
			this.problems.write(request, response, HttpStatus.FORBIDDEN, "error.password.changeRequired");
		}
		else {
			response.sendRedirect(request.getContextPath() + PAGE);
		}
	}

}
