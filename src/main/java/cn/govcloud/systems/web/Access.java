package cn.govcloud.systems.web;

/** Who may call what in the register. */
final class Access {

	/**
	 * A unit's administrators and members keep its register (Art. 15: the unit fixes
	 * level and officer) and change its systems' hosting status (Art. 3).
	 */
	static final String UNIT_EDITOR = "hasAnyRole('UNIT_ADMIN', 'UNIT_MEMBER')";

	static final String READERS = "isAuthenticated() and !hasRole('AUDIT_ADMIN') and !hasRole('SYSTEM_ADMIN')";

	/**
	 * The Commission's reviewers and managers: they grant exemptions (Art. 3) and watch
	 * migration progress.
	 */
	static final String COMMISSION = "hasAnyRole('COMMISSION_REVIEWER', 'COMMISSION_MANAGER')";

	private Access() {
	}

}
