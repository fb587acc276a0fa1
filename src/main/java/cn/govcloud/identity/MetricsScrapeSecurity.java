package cn.govcloud.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} is served only to the scrape credential:
 * {@code Authorization:
 * Bearer <govcloud.metrics.scrape-token>} (Prometheus:
 * {@code authorization.credentials}). The metrics name routes, error counts, metering
 * volumes and paths, so nobody else — signed in or not — reads them; without a configured
 * token nobody does. Its own filter chain: no session, no CSRF, no personal API tokens.
 */
@Configuration(proxyBeanMethods = false)
class MetricsScrapeSecurity {

	static final String PATH = "/actuator/prometheus";

	static final String SCRAPER = "METRICS_SCRAPER";

	static final int MIN_LENGTH = 16;

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain metricsScrapeChain(HttpSecurity http,
			@Value("${govcloud.metrics.scrape-token:}") String scrapeToken) throws Exception {
		String token = scrapeToken.strip();
		if (!token.isEmpty() && token.length() < MIN_LENGTH) {
			throw new IllegalStateException(
					"govcloud.metrics.scrape-token must have at least " + MIN_LENGTH + " characters");
		}
		http.securityMatcher(PATH, PATH + "/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(SCRAPER))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> refuse(response))
						.accessDeniedHandler((request, response, ex) -> refuse(response)))
			.addFilterBefore(new ScrapeTokenFilter(token), AuthorizationFilter.class);
		return http.build();
	}

	private static void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"govcloud-metrics\"");
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write("The metrics are served only to the scrape credential.\n");
	}

	/** Compares the bearer with the configured token in constant time. */
	static final class ScrapeTokenFilter extends OncePerRequestFilter {

		private final byte[] token;

		ScrapeTokenFilter(String token) {
			this.token = token.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (this.token.length > 0 && presented(request)) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
						List.of(new SimpleGrantedAuthority(SCRAPER))));
				SecurityContextHolder.setContext(context);
			}
			chain.doFilter(request, response);
		}

		private boolean presented(HttpServletRequest request) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return false;
			}
			return MessageDigest.isEqual(this.token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
		}

	}

}
