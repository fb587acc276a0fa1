package cn.govcloud.shared;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, from the security context. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<GovCloudPrincipal> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof GovCloudPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	/** The caller; an unauthenticated call never reaches code that asks. */
	public static GovCloudPrincipal get() {
		return find().orElseThrow(() -> new IllegalStateException("No signed-in user in this request"));
	}

}
