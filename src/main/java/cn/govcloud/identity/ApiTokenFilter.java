package cn.govcloud.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer gct_…} with a personal API token, for this
 * request only (no session). A wrong, revoked or expired token is refused at once with
 * 401.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	/**
	 * Held by every request authenticated with a token (beside the owner's roles), so
	 * rules can tell a program from a signed-in person.
	 */
	static final String TOKEN_AUTHORITY = "AUTH_API_TOKEN";

	private final ApiTokens tokens;

	private final ProblemResponses problems;

	ApiTokenFilter(ApiTokens tokens, ProblemResponses problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	static boolean hasBearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBearerToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
		var principal = this.tokens.authenticate(secret);
		if (principal.isEmpty()) {
			this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.token.invalid");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(CredentialsAuthenticationProvider.authenticated(principal.get(), TOKEN_AUTHORITY));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
