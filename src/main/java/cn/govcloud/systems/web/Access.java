package cn.govcloud.systems.web;

import cn.govcloud.shared.Readers;

/** Who may call what in the register. */
final class Access {

	/**
	 * A unit's administrators and members keep its register (Art. 15: the unit fixes
	 * level and officer) and change its systems' hosting status (Art. 3).
	 */
	static final String UNIT_EDITOR = "hasAnyRole('UNIT_ADMIN', 'UNIT_MEMBER')";

	/**
	 * The business roles, each within its scope; no administrator reads the register (ADR
	 * 0014).
	 */
	static final String READERS = Readers.BUSINESS;

	/**
	 * The Commission's reviewers and managers: they grant exemptions (Art. 3) and watch
	 * migration progress.
	 */
	static final String COMMISSION = "hasAnyRole('COMMISSION_REVIEWER', 'COMMISSION_MANAGER')";

	private Access() {
	}

}
