package cn.govcloud.catalogue.web;

/**
 * Who may do what with tender prices: everyone who works with contracts reads them (not
 * the audit and system administrators, who keep to their own duties); the Commission
 * manager records them.
 */
final class PriceAccess {

	static final String READERS = "isAuthenticated() and !hasRole('AUDIT_ADMIN') and !hasRole('SYSTEM_ADMIN')";

	static final String MANAGER = "hasRole('COMMISSION_MANAGER')";

	private PriceAccess() {
	}

}
