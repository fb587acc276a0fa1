package cn.govcloud.metering;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Remote write authenticates with ingest credentials in {@link RemoteWriteController}
 * itself (cached, plain-text 401), so its path has a chain of its own before the main
 * one: no session, no CSRF, no login redirect.
 */
@Configuration(proxyBeanMethods = false)
class RemoteWriteSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain remoteWriteChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/api/v1/write", "/api/v1/metering/samples", "/api/v1/metering/samples.csv")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.build();
	}

}
