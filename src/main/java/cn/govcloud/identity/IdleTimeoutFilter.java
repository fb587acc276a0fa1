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
 *
 * <p>
 * The time last seen is written to the session (a row in PostgreSQL, ADR 0026) at most
 * once per {@link #refresh(Duration) refresh interval}, not at every request (issue 13:
 * one write fewer per request under load). A session therefore ends between the timeout
 * less that interval and the timeout after its last request, never later.
 */
class IdleTimeoutFilter extends OncePerRequestFilter {

	static final String LAST_SEEN = IdleTimeoutFilter.class.getName() + ".lastSeen";

	/** The longest a recorded time last seen may lag behind the last request. */
	static final Duration MAX_REFRESH = Duration.ofSeconds(30);

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
			if (lastSeen == null || now - lastSeen >= refresh(timeout).toMillis()) {
				session.setAttribute(LAST_SEEN, now);
			}
			if (session.getAttribute(SignedInSessions.ORIGIN) == null) {
				session.setAttribute(SignedInSessions.ORIGIN, SignedInSessions.origin(request));
			}
			int maxInactive = (int) Math.max(60, timeout.toSeconds() * 2);
			if (session.getMaxInactiveInterval() != maxInactive) {
				session.setMaxInactiveInterval(maxInactive);
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * How often the time last seen is rewritten: a tenth of the timeout, at most
	 * {@link #MAX_REFRESH}.
	 */
	static Duration refresh(Duration timeout) {
		Duration tenth = timeout.dividedBy(10);
		return (tenth.compareTo(MAX_REFRESH) < 0) ? tenth : MAX_REFRESH;
	}

}
