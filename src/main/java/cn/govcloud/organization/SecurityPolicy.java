package cn.govcloud.organization;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import cn.govcloud.shared.Role;

/**
 * The sign-in policy of 等保 level 3 as the security administrator keeps it (issue 19):
 * password rules, lockout, idle timeout, which roles sign in with two factors, and how
 * many failed sign-ins one client address may make.
 *
 * @param passwordMinLength at least this many characters
 * @param passwordMinClasses at least this many of lower case, upper case, digits, other
 * @param passwordHistory a new password may not be one of the last this many
 * @param passwordMaxAgeDays a password older than this must be changed at the next login
 * @param lockoutMaxFailures wrong passwords (or wrong codes) in a row that lock
 * @param lockoutMinutes how long a lock lasts
 * @param idleTimeout an idle session ends after this long (whole minutes on the page)
 * @param twoFactorRoles the roles that must sign in with a second factor, beyond
 * {@code twoFactorFloor}
 * @param twoFactorFloor the roles the configuration requires it for (the three
 * administrators and the Commission's roles by default): the page cannot lift these
 * @param addressMaxFailures failed sign-ins from one client address within the window
 * that refuse further attempts from it
 * @param addressWindowMinutes the window over which failures from an address count
 */
public record SecurityPolicy(int passwordMinLength, int passwordMinClasses, int passwordHistory, int passwordMaxAgeDays,
		int lockoutMaxFailures, int lockoutMinutes, Duration idleTimeout, Set<Role> twoFactorRoles,
		Set<Role> twoFactorFloor, int addressMaxFailures, int addressWindowMinutes) {

	public SecurityPolicy {
		twoFactorRoles = copy(twoFactorRoles);
		twoFactorFloor = copy(twoFactorFloor);
	}

	/** Whether a person holding {@code roles} must sign in with a second factor. */
	public boolean requiresTwoFactor(Collection<Role> roles) {
		return roles.stream()
			.anyMatch((role) -> this.twoFactorFloor.contains(role) || this.twoFactorRoles.contains(role));
	}

	public Duration lockoutDuration() {
		return Duration.ofMinutes(this.lockoutMinutes);
	}

	public Duration passwordMaxAge() {
		return Duration.ofDays(this.passwordMaxAgeDays);
	}

	public Duration addressWindow() {
		return Duration.ofMinutes(this.addressWindowMinutes);
	}

	private static Set<Role> copy(Set<Role> roles) {
		return (roles == null || roles.isEmpty()) ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

}
