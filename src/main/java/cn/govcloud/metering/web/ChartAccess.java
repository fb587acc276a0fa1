package cn.govcloud.metering.web;

/**
 * Who reads utilisation: units, the Commission and the supplier, each within its scope.
 */
final class ChartAccess {

	static final String READERS = "hasAnyRole('UNIT_ADMIN', 'UNIT_MEMBER', 'SECURITY_OFFICER', 'COMMISSION_REVIEWER', 'COMMISSION_MANAGER', 'SUPPLIER_OPERATOR', 'SUPPLIER_MANAGER')";

	private ChartAccess() {
	}

}
