package cn.govcloud.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of PRODUCT C1. Each role belongs to one kind of organisation; the three
 * administrators of 等保 level 3 (system, security, audit) are mutually exclusive on one
 * person.
 */
public enum Role {

	COMMISSION_REVIEWER(OrganizationKind.COMMISSION), COMMISSION_MANAGER(OrganizationKind.COMMISSION),
	UNIT_ADMIN(OrganizationKind.UNIT), UNIT_MEMBER(OrganizationKind.UNIT), SECURITY_OFFICER(OrganizationKind.UNIT),
	SUPPLIER_OPERATOR(OrganizationKind.SUPPLIER), SUPPLIER_MANAGER(OrganizationKind.SUPPLIER),
	FINANCE_VIEWER(OrganizationKind.FINANCE_BUREAU), SYSTEM_ADMIN(OrganizationKind.COMMISSION),
	SECURITY_ADMIN(OrganizationKind.COMMISSION), AUDIT_ADMIN(OrganizationKind.COMMISSION);

	/** The three separated administrators of 等保 level 3. */
	public static final Set<Role> ADMINISTRATORS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

	/**
	 * Every role but the three administrators: those who read business records (ADR
	 * 0014).
	 */
	public static final Set<Role> BUSINESS = EnumSet.complementOf(EnumSet.copyOf(ADMINISTRATORS));

	private final OrganizationKind organizationKind;

	Role(OrganizationKind organizationKind) {
		this.organizationKind = organizationKind;
	}

	public OrganizationKind organizationKind() {
		return this.organizationKind;
	}

	public boolean isAdministrator() {
		return ADMINISTRATORS.contains(this);
	}

	/** The Spring Security authority name, e.g. {@code ROLE_UNIT_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
