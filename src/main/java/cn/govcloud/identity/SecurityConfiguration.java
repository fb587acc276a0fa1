package cn.govcloud.identity;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.organization.Credentials;
import cn.govcloud.organization.SecurityPolicies;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionLimit;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * One filter chain for pages and API: form login with a session for people, personal API
 * tokens for programs, and the 等保 level 3 rules — lockout (in {@link Credentials}), idle
 * timeout, forced password change — applied to both. API calls get ProblemDetail answers,
 * pages get the login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final RequestMatcher API = (request) -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/api/");

	/** Creating an API token, on a page or through the API. */
	static final RequestMatcher TOKEN_CREATION = (request) -> "POST".equals(request.getMethod())
			&& List.of("/api/v1/account/tokens", "/account/tokens")
				.contains(request.getRequestURI().substring(request.getContextPath().length()));

	/**
	 * Tokens are made by a signed-in person, never by another token: a leaked token
	 * cannot multiply itself beyond the reach of one revocation.
	 */
	private static AuthorizationDecision signedInSession(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication who = authentication.get();
		boolean person = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)
				&& who.getAuthorities()
					.stream()
					.noneMatch((granted) -> ApiTokenFilter.TOKEN_AUTHORITY.equals(granted.getAuthority()));
		return new AuthorizationDecision(person);
	}

	/**
	 * Scripts only from GovCloud's own files: no inline script, no event-handler
	 * attribute, no eval (等保 level 3; templates are kept free of them, see
	 * SecurityHeadersTests). Inline styles stay allowed: htmx writes its indicator style
	 * and the pages set bar widths, neither of which can run code.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Credentials credentials, ApiTokens tokens,
			AuditTrail audit, ProblemWriter writer, SessionRegistry registry, SecurityPolicies policies,
			TwoFactor twoFactor, AddressLimit addresses) {
		ProblemResponses problems = new ProblemResponses(writer);
		// GovCloud's accounts only: no parent manager (Spring Boot's generated in-memory
		// user would
		// otherwise answer a failed sign-in too, and replace its reason).
		http.authenticationManager(
				new ProviderManager(new CredentialsAuthenticationProvider(credentials, twoFactor, addresses, audit)))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
						"/actuator/health/**", "/actuator/health")
				.permitAll()
				.requestMatchers(TOKEN_CREATION)
				.access(SecurityConfiguration::signedInSession)
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(loginFailures())
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null && authentication.getPrincipal() instanceof GovCloudPrincipal who) {
						audit.recordAs(who.username(), who.organizationName(), "logout", "user:" + who.userId(),
								AuditOutcome.SUCCESS, null);
					}
				}))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearerToken))
			.exceptionHandling(
					(exceptions) -> exceptions.defaultAuthenticationEntryPointFor(problems::unauthenticated, API)
						.defaultAccessDeniedHandlerFor(problems::tokenNeedsSession, TOKEN_CREATION)
						.defaultAccessDeniedHandlerFor(problems::forbidden, API))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.sessionManagement((sessions) -> sessions
				.sessionConcurrency((concurrency) -> concurrency.maximumSessions(SecurityConfiguration::sessionLimit)
					.sessionRegistry(registry)
					.expiredSessionStrategy((event) -> signedInElsewhere(event, problems))))
			.addFilterBefore(new ApiTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new IdleTimeoutFilter(() -> policies.current().idleTimeout(), problems),
					SecurityContextHolderFilter.class)
			.addFilterAfter(new SecondFactorFilter(problems), AuthorizationFilter.class)
			.addFilterAfter(new PasswordChangeRequiredFilter(problems), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * One message for every failed password ({@code ?error}), another for a client
	 * address that has failed too often ({@code ?limited}).
	 */
	private static ExceptionMappingAuthenticationFailureHandler loginFailures() {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		failures.setExceptionMappings(
				Map.of(CredentialsAuthenticationProvider.AddressLimitedException.class.getName(), "/login?limited"));
		return failures;
	}

	/**
	 * An administrator has one session at a time (等保 level 3): signing in again ends the
	 * older session. Everyone else may be signed in at several places.
	 */
	private static Integer sessionLimit(Authentication authentication) {
		boolean administrator = authentication.getPrincipal() instanceof GovCloudPrincipal who
				&& who.roles().stream().anyMatch(Role::isAdministrator);
		return administrator ? 1 : SessionLimit.UNLIMITED.apply(authentication);
	}

	private static void signedInElsewhere(SessionInformationExpiredEvent event, ProblemResponses problems)
			throws IOException {
		HttpServletRequest request = event.getRequest();
		if (API.matches(request)) {
			problems.write(request, event.getResponse(), HttpStatus.UNAUTHORIZED, "error.session.elsewhere");
		}
		else {
			event.getResponse().sendRedirect(request.getContextPath() + "/login?elsewhere");
		}
	}

	/** Sessions live in PostgreSQL (Spring Session), so every node sees every session. */
	@Bean
	SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	HttpSessionSecurityContextRepository sessionSecurityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

}
