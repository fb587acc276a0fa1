package cn.govcloud.contract.web;

/** Who may call what in contracts. */
final class Access {

	static final String UNIT = "hasAnyRole('UNIT_ADMIN', 'UNIT_MEMBER')";

	static final String REVIEWER = "hasRole('COMMISSION_REVIEWER')";

	static final String READERS = "hasAnyRole('UNIT_ADMIN', 'UNIT_MEMBER', 'COMMISSION_REVIEWER', 'COMMISSION_MANAGER', 'SUPPLIER_OPERATOR', 'SUPPLIER_MANAGER')";

	private Access() {
	}

}
