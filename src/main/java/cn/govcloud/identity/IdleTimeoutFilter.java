package cn.govcloud.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session that has been idle longer than the policy's idle timeout
 * ({@code govcloud.security.idle-timeout} unless the security administrator changed it;
 * 等保 level 3; default 15 minutes), whatever the servlet container's own session timeout.
 */
class IdleTimeoutFilter extends OncePerRequestFilter {

	static final String LAST_SEEN = IdleTimeoutFilter.class.getName() + ".lastSeen";

	private final Supplier<Duration> timeout;

	private final ProblemResponses problems;

	/**
	 * @param timeout the policy's idle timeout, read at each request
	 */
	IdleTimeoutFilter(Supplier<Duration> timeout, ProblemResponses problems) {
		this.timeout = timeout;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		boolean signedIn = SecurityContextHolder.getContext().getAuthentication() != null
				&& !ApiTokenFilter.hasBearerToken(request);
		if (session != null && signedIn) {
			long now = System.currentTimeMillis();
			Duration timeout = this.timeout.get();
			Long lastSeen = (Long) session.getAttribute(LAST_SEEN);
			if (lastSeen != null && now - lastSeen > timeout.toMillis()) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				if (SecurityConfiguration.API.matches(request)) {
					this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.session.expired");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?expired");
				}
				return;
			}
			session.setAttribute(LAST_SEEN, now);
			if (session.getAttribute(SignedInSessions.ORIGIN) == null) {
				session.setAttribute(SignedInSessions.ORIGIN, SignedInSessions.origin(request));
			}
			session.setMaxInactiveInterval((int) Math.max(60, timeout.toSeconds() * 2));
		}
		chain.doFilter(request, response);
	}

}
