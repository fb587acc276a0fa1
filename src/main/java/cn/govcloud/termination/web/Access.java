package cn.govcloud.termination.web;

/** Who may call what in termination (Art. 9). */
final class Access {

	/** A unit's administrator applies for the unit. */
	static final String UNIT = "hasRole('UNIT_ADMIN')";

	/** The Commission's reviewer decides. */
	static final String REVIEWER = "hasRole('COMMISSION_REVIEWER')";

	static final String READERS = "hasAnyRole('UNIT_ADMIN', 'UNIT_MEMBER', 'COMMISSION_REVIEWER', 'COMMISSION_MANAGER')";

	private Access() {
	}

}
