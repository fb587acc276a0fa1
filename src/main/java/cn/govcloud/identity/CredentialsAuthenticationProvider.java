package cn.govcloud.identity;

import java.util.List;
import java.util.stream.Stream;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.organization.Credentials;
import cn.govcloud.shared.ClientAddress;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.Role;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signs a person in with {@link Credentials}; one message for every failure, another for
 * a client address that has failed too often. A person who signs in with two factors
 * gets, for now, only a session that may enter the code ({@link SecondFactorFilter}); one
 * whose roles require two factors but who has none yet, only a session that may enrol.
 */
class CredentialsAuthenticationProvider implements AuthenticationProvider {

	/** Password accepted, the code of the second factor still to come. */
	static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

	/** Password accepted, the roles require two factors, none enrolled yet. */
	static final String ENROLMENT_REQUIRED = "TWO_FACTOR_ENROLMENT_REQUIRED";

	private final Credentials credentials;

	private final TwoFactor twoFactor;

	private final AddressLimit addresses;

	private final AuditTrail audit;

	CredentialsAuthenticationProvider(Credentials credentials, TwoFactor twoFactor, AddressLimit addresses,
			AuditTrail audit) {
		this.credentials = credentials;
		this.twoFactor = twoFactor;
		this.addresses = addresses;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String address = ClientAddress.current();
		if (this.addresses.blocked(address)) {
			this.audit.recordAs(authentication.getName().isBlank() ? "(empty)" : authentication.getName(), null,
					"login", null, AuditOutcome.FAILURE, "too many failures from " + address);
			throw new AddressLimitedException();
		}
		String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : null;
		GovCloudPrincipal principal = this.credentials.verify(authentication.getName(), password).orElse(null);
		if (principal == null) {
			this.addresses.failed(address);
			throw new BadCredentialsException("Bad credentials");
		}
		if (this.twoFactor.enrolled(principal.userId())) {
			return partly(principal, SECOND_FACTOR_PENDING);
		}
		if (this.twoFactor.required(principal)) {
			return partly(principal, ENROLMENT_REQUIRED);
		}
		return authenticated(principal);
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

	/** Signed in by password only: no role's authority, only the one step left. */
	private static Authentication partly(GovCloudPrincipal principal, String step) {
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(step)));
	}

	/** The client address has failed too often; nothing else is checked. */
	static class AddressLimitedException extends AuthenticationException {

		AddressLimitedException() {
			super("Too many failed sign-ins from this address");
		}

	}

}
