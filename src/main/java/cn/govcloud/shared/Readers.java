package cn.govcloud.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who reads what, written positively, for {@code @PreAuthorize} and the templates (ADR
 * 0014; the separation of the three administrators of 等保 level 3). Each reader sees only
 * what its {@link DataScope} holds.
 * <ul>
 * <li>Units' business records — systems, construction plans, backup evidence, exemption
 * documents and requests, applications, allocations, contracts, payments, work orders,
 * instances, terminations, utilisation — and the catalogue and tender price lists: the
 * {@link #BUSINESS_ROLES}, each module narrowing further where its articles say so.</li>
 * <li>Organisations and people: the business roles (their own organisation; the
 * Commission's all), the system administrator (keeps accounts and organisations) and the
 * security administrator (keeps roles).</li>
 * <li>The audit trail: the audit administrator alone.</li>
 * <li>Everyone: their own dashboard, inbox, password and API tokens.</li>
 * </ul>
 * No administrator reads a unit's business record.
 */
public final class Readers {

	/** Every role but the three administrators. */
	public static final Set<Role> BUSINESS_ROLES = Set
		.copyOf(EnumSet.complementOf(EnumSet.copyOf(Role.ADMINISTRATORS)));

	/** Reads business records, the catalogue and price lists (within its scope). */
	public static final String BUSINESS = "hasAnyRole('UNIT_ADMIN', 'UNIT_MEMBER', 'SECURITY_OFFICER', "
			+ "'COMMISSION_REVIEWER', 'COMMISSION_MANAGER', 'SUPPLIER_OPERATOR', 'SUPPLIER_MANAGER', 'FINANCE_VIEWER')";

	/** Reads organisations and people (within the directory scope). */
	public static final String DIRECTORY = BUSINESS + " or hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')";

	/** Reads the audit trail. */
	public static final String AUDIT_TRAIL = "hasRole('AUDIT_ADMIN')";

	private Readers() {
	}

}
