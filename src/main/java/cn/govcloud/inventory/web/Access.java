package cn.govcloud.inventory.web;

/** Who may call what in provisioning and the inventory. */
final class Access {

	static final String SUPPLIER = "hasRole('SUPPLIER_OPERATOR')";

	static final String UNIT = "hasRole('UNIT_ADMIN')";

	static final String COMMISSION = "hasAnyRole('COMMISSION_REVIEWER', 'COMMISSION_MANAGER')";

	static final String READERS = "hasAnyRole('UNIT_ADMIN', 'UNIT_MEMBER', 'COMMISSION_REVIEWER', 'COMMISSION_MANAGER', 'SUPPLIER_OPERATOR', 'SUPPLIER_MANAGER')";

	/** Who reconciles a supplier's own list: the supplier's people, the Commission. */
	static final String RECONCILERS = "hasAnyRole('SUPPLIER_OPERATOR', 'SUPPLIER_MANAGER', 'COMMISSION_REVIEWER', 'COMMISSION_MANAGER')";

	private Access() {
	}

}
