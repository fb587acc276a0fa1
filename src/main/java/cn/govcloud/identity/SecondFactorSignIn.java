package cn.govcloud.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.govcloud.shared.CurrentUser;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Turns the password-only session into a signed-in one once the second factor is given:
 * the roles' authorities, and a new session id (the session's privilege rises, so an id
 * seen before cannot ride on it).
 */
@Component
class SecondFactorSignIn {

	private final HttpSessionSecurityContextRepository sessions;

	SecondFactorSignIn(HttpSessionSecurityContextRepository sessions) {
		this.sessions = sessions;
	}

	void complete(HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(CredentialsAuthenticationProvider.authenticated(CurrentUser.get()));
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			request.changeSessionId();
			this.sessions.saveContext(context, request, response);
		}
	}

}
