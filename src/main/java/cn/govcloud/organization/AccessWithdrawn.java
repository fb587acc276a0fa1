package cn.govcloud.organization;

import java.util.UUID;

/**
 * An administrator reset a person's password or changed their roles: whatever the person
 * holds besides the password (API tokens) no longer stands. Published in the transaction
 * of the change, so a listener that fails undoes it.
 *
 * @param reason {@code password.reset} or {@code roles.change}
 */
public record AccessWithdrawn(UUID userId, String username, String reason) {

	public static final String PASSWORD_RESET = "password.reset";

	public static final String ROLES_CHANGE = "roles.change";

}
