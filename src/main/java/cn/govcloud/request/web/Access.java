package cn.govcloud.request.web;

/** Who may call what in resource applications. */
final class Access {

	/** A unit's administrators and members apply (Art. 6). */
	static final String APPLICANT = "hasAnyRole('UNIT_ADMIN', 'UNIT_MEMBER')";

	/** The Commission reviewer decides (Art. 8). */
	static final String REVIEWER = "hasRole('COMMISSION_REVIEWER')";

	static final String READERS = "hasAnyRole('UNIT_ADMIN', 'UNIT_MEMBER', 'SECURITY_OFFICER', 'COMMISSION_REVIEWER', 'COMMISSION_MANAGER')";

	private Access() {
	}

}
