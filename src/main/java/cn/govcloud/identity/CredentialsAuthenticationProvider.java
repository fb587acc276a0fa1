package cn.govcloud.identity;

import java.util.List;
import java.util.stream.Stream;

import cn.govcloud.organization.Credentials;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.Role;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Signs a person in with {@link Credentials}; one message for every failure. */
class CredentialsAuthenticationProvider implements AuthenticationProvider {

	private final Credentials credentials;

	CredentialsAuthenticationProvider(Credentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : null;
		return this.credentials.verify(authentication.getName(), password)
			.map(CredentialsAuthenticationProvider::authenticated)
			.orElseThrow(() -> new BadCredentialsException("Bad credentials"));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static Authentication authenticated(GovCloudPrincipal principal, String... extraAuthorities) {
		List<SimpleGrantedAuthority> authorities = Stream
			.concat(principal.roles().stream().map(Role::authority), Stream.of(extraAuthorities))
			.map(SimpleGrantedAuthority::new)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

}
