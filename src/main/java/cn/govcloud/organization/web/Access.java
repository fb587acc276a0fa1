package cn.govcloud.organization.web;

/**
 * Who may call what in this module. The audit administrator reads only the audit trail,
 * so is never among the readers here.
 */
final class Access {

	static final String SYSTEM_ADMIN = "hasRole('SYSTEM_ADMIN')";

	static final String SECURITY_ADMIN = "hasRole('SECURITY_ADMIN')";

	static final String READ_PEOPLE = "isAuthenticated() and !hasRole('AUDIT_ADMIN')";

	private Access() {
	}

}
