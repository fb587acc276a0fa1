package cn.govcloud.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.govcloud.organization.Users;
import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Changes the caller's own password and, in a browser session, lifts the "change your
 * password first" state at once.
 */
@Component
class PasswordChange {

	private final Users users;

	private final HttpSessionSecurityContextRepository sessions;

	PasswordChange(Users users, HttpSessionSecurityContextRepository sessions) {
		this.users = users;
		this.sessions = sessions;
	}

	void change(PasswordChangeForm form, HttpServletRequest request, HttpServletResponse response) {
		if (form.newPassword() != null && !form.newPassword().equals(form.confirmPassword())) {
			throw InvalidInputException.of("confirmPassword", "password.confirm.mismatch");
		}
		GovCloudPrincipal changed = this.users.changeOwnPassword(CurrentUser.get(), form.currentPassword(),
				form.newPassword());
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(changed, null, current.getAuthorities()));
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			this.sessions.saveContext(context, request, response);
		}
	}

}
