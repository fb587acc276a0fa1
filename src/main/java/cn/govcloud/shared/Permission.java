package cn.govcloud.shared;

import static cn.govcloud.shared.Role.AUDIT_ADMIN;
import static cn.govcloud.shared.Role.COMMISSION_MANAGER;
import static cn.govcloud.shared.Role.COMMISSION_REVIEWER;
import static cn.govcloud.shared.Role.FINANCE_VIEWER;
import static cn.govcloud.shared.Role.SECURITY_ADMIN;
import static cn.govcloud.shared.Role.SECURITY_OFFICER;
import static cn.govcloud.shared.Role.SUPPLIER_MANAGER;
import static cn.govcloud.shared.Role.SUPPLIER_OPERATOR;
import static cn.govcloud.shared.Role.SYSTEM_ADMIN;
import static cn.govcloud.shared.Role.UNIT_ADMIN;
import static cn.govcloud.shared.Role.UNIT_MEMBER;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what: the one typed model of permissions (ADR 0018). Each permission is an
 * action a person takes, granted to a fixed set of {@link Role roles}; controllers and
 * APIs declare it with {@link Allowed @Allowed}, templates ask the {@code may} bean, and
 * services ask {@link GovCloudPrincipal#may(Permission)}. What a permitted person then
 * sees is narrowed by its {@link DataScope} (ADR 0003): a permission says "may read
 * contracts", the scope says "whose".
 * <p>
 * No administrator (system, security, audit) holds a permission over units' business
 * records (ADR 0014; the separation of the three administrators of 等保 level 3).
 */
public enum Permission {

	// Reading, positively (ADR 0014)

	/** The register of application systems, the catalogue and tender price lists. */
	READ_BUSINESS_RECORDS(Role.BUSINESS),

	/** Organisations and people (within the directory scope). */
	READ_DIRECTORY(union(Role.BUSINESS, EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN))),

	/** The audit trail and its verification. */
	READ_AUDIT_TRAIL(EnumSet.of(AUDIT_ADMIN)),

	/** Applications and allocations (Art. 6, 8). */
	READ_APPLICATIONS(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, SECURITY_OFFICER, COMMISSION_REVIEWER, COMMISSION_MANAGER)),

	/**
	 * Contracts, work orders and the inventory: the unit, the Commission, the supplier
	 * (Art. 7, 9).
	 */
	READ_CONTRACTS_AND_INVENTORY(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, COMMISSION_REVIEWER, COMMISSION_MANAGER,
			SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/** Terminations (Art. 9). */
	READ_TERMINATIONS(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, COMMISSION_REVIEWER, COMMISSION_MANAGER)),

	/** Utilisation of hosts and systems (Art. 8, 12). */
	READ_UTILISATION(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, SECURITY_OFFICER, COMMISSION_REVIEWER, COMMISSION_MANAGER,
			SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/** Tickets of the service desk and its attainment of targets (Art. 10–12, 19). */
	READ_TICKETS(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, SECURITY_OFFICER, COMMISSION_REVIEWER, COMMISSION_MANAGER,
			SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/** The monitoring ingest: credentials, figures, series (Art. 12). */
	READ_INGEST(EnumSet.of(COMMISSION_REVIEWER, COMMISSION_MANAGER, SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/** The city's register overview and the inventory consistency check. */
	OVERSEE_CITY(EnumSet.of(COMMISSION_REVIEWER, COMMISSION_MANAGER)),

	// The unit's actions

	/**
	 * Register the unit's systems, their construction plans and hosting status, and ask
	 * for exemptions (Art. 3, 5, 15).
	 */
	KEEP_REGISTER(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER)),

	/** Apply for cloud resources (Art. 6). */
	APPLY_FOR_RESOURCES(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER)),

	/** Draft, sign and submit contracts, amend them and record payments (Art. 7). */
	CONTRACT(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER)),

	/** Accept or reject delivered resources (Art. 7). */
	ACCEPT_DELIVERY(EnumSet.of(UNIT_ADMIN)),

	/**
	 * Raise a ticket about the unit's system, answer the supplier's questions, confirm or
	 * reopen the resolution and rate it (Art. 10–12). The Commission may raise tickets
	 * too.
	 */
	RAISE_TICKETS(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, SECURITY_OFFICER, COMMISSION_REVIEWER, COMMISSION_MANAGER)),

	/** Sign the unit's people up for trainings and rate the ones attended (Art. 11). */
	SIGN_UP_FOR_TRAINING(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, SECURITY_OFFICER)),

	/** Apply to terminate the use of resources (Art. 9). */
	APPLY_FOR_TERMINATION(EnumSet.of(UNIT_ADMIN)),

	// The Commission's actions

	/** Review applications (Art. 8). */
	REVIEW_APPLICATIONS(EnumSet.of(COMMISSION_REVIEWER)),

	/** File or return contracts (Art. 7). */
	FILE_CONTRACTS(EnumSet.of(COMMISSION_REVIEWER)),

	/** Review terminations (Art. 9). */
	REVIEW_TERMINATIONS(EnumSet.of(COMMISSION_REVIEWER)),

	/** Grant or refuse exemptions from migration (Art. 3). */
	DECIDE_EXEMPTIONS(EnumSet.of(COMMISSION_REVIEWER, COMMISSION_MANAGER)),

	/** Keep the service catalogue and the tender price lists (Art. 7). */
	KEEP_CATALOGUE(EnumSet.of(COMMISSION_MANAGER)),

	/**
	 * Keep the working calendar: working hours, holidays and adjusted working days of
	 * each year (the time service-level clocks count in, Art. 10–12).
	 */
	KEEP_CALENDAR(EnumSet.of(COMMISSION_MANAGER)),

	/** Set the service-level targets of each priority (Art. 19). */
	SET_SERVICE_TARGETS(EnumSet.of(COMMISSION_MANAGER)),

	/** Issue and revoke the suppliers' monitoring credentials (Art. 12). */
	MANAGE_INGEST(EnumSet.of(COMMISSION_MANAGER)),

	// The supplier's actions

	/** Provision and reclaim instances on work orders (Art. 7, 9). */
	PROVISION(EnumSet.of(SUPPLIER_OPERATOR)),

	/**
	 * Take, work on and resolve the tickets addressed to the supplier, with internal
	 * notes (Art. 10–12).
	 */
	HANDLE_TICKETS(EnumSet.of(SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/**
	 * Plan training sessions, attach materials and record attendance (Art. 11: the
	 * supplier trains the units).
	 */
	KEEP_TRAININGS(EnumSet.of(SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/** Reconcile the supplier's own list with the inventory (Art. 12). */
	RECONCILE(EnumSet.of(SUPPLIER_OPERATOR, SUPPLIER_MANAGER, COMMISSION_REVIEWER, COMMISSION_MANAGER)),

	// Reporting (Art. 11, 12, 14, 16)

	/**
	 * Read the monthly reports (Art. 12): a unit its own, a supplier those it gave, the
	 * Commission every unit's and the city report.
	 */
	READ_REPORTS(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, COMMISSION_REVIEWER, COMMISSION_MANAGER, SUPPLIER_OPERATOR,
			SUPPLIER_MANAGER)),

	/**
	 * Write the narrative and suggestions of a monthly report and submit it (Art. 12).
	 */
	SUBMIT_REPORTS(EnumSet.of(SUPPLIER_MANAGER)),

	/** Acknowledge a monthly report the unit received (Art. 12). */
	ACKNOWLEDGE_REPORTS(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER)),

	/** Start the drafting of a month's reports by hand (Art. 12). */
	DRAFT_REPORTS(EnumSet.of(COMMISSION_MANAGER)),

	/**
	 * Read the supplier's obligation calendar (Art. 11, 12, 14, 16): a supplier its own,
	 * the Commission every supplier's.
	 */
	READ_OBLIGATIONS(EnumSet.of(COMMISSION_REVIEWER, COMMISSION_MANAGER, SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/** Submit an obligation's document and note (Art. 11, 14, 16). */
	SUBMIT_OBLIGATIONS(EnumSet.of(SUPPLIER_MANAGER)),

	/** Accept an obligation or return it with a reason (Art. 11, 12, 14, 16). */
	DECIDE_OBLIGATIONS(EnumSet.of(COMMISSION_REVIEWER, COMMISSION_MANAGER)),

	/** Set how each kind of obligation recurs and when it is due. */
	KEEP_OBLIGATION_RULES(EnumSet.of(COMMISSION_MANAGER)),

	// The administrators' duties (等保 level 3)

	/** Keep organisations and accounts. */
	KEEP_ACCOUNTS(EnumSet.of(SYSTEM_ADMIN)),

	/** Assign roles. */
	ASSIGN_ROLES(EnumSet.of(SECURITY_ADMIN)),

	/**
	 * Keep the sign-in policy (password rules, lockout, idle timeout, which roles sign in
	 * with two factors) and reset a person's second factor.
	 */
	KEEP_SECURITY_POLICY(EnumSet.of(SECURITY_ADMIN)),

	// Security management (Art. 17)

	/**
	 * Read access grants and the bastion host's access events: the unit, the supplier
	 * party to them, the Commission (Art. 17).
	 */
	READ_ACCESS_GRANTS(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, SECURITY_OFFICER, COMMISSION_REVIEWER, COMMISSION_MANAGER,
			SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/**
	 * Ask for access to a unit's instances, or take emergency access for a P1 fault (Art.
	 * 17: the supplier's staff).
	 */
	REQUEST_ACCESS(EnumSet.of(SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/** Report the bastion host's access events, by API or CSV (Art. 17). */
	REPORT_ACCESS_EVENTS(EnumSet.of(SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/**
	 * Approve, narrow, refuse or revoke access to the unit's instances: the unit's
	 * administrator or the system's security officer (Art. 15, 17).
	 */
	DECIDE_ACCESS(EnumSet.of(UNIT_ADMIN, SECURITY_OFFICER)),

	// Security management: inspections, bulletins and drills (Art. 14)

	/**
	 * Read inspections and their findings, security bulletins and emergency drills: the
	 * Commission all, a unit its own, a supplier what concerns it (Art. 14).
	 */
	READ_INSPECTIONS(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, SECURITY_OFFICER, COMMISSION_REVIEWER, COMMISSION_MANAGER,
			SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/**
	 * Record inspections and their findings, keep the checklists, verify or return a
	 * rectification (Art. 14: the Commission inspects).
	 */
	KEEP_INSPECTIONS(EnumSet.of(COMMISSION_REVIEWER, COMMISSION_MANAGER)),

	/**
	 * Respond to a finding with the rectification and its evidence: the responsible unit
	 * or supplier (Art. 14).
	 */
	RECTIFY_FINDINGS(EnumSet.of(UNIT_ADMIN, SECURITY_OFFICER, SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/**
	 * Publish the monthly security bulletin, plan and report the yearly emergency drill
	 * (Art. 14: the supplier).
	 */
	PUBLISH_BULLETINS_AND_DRILLS(EnumSet.of(SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/**
	 * Read backup policies, runs, restore tests and how the backups went: the unit, the
	 * supplier keeping them, the Commission (Art. 16).
	 */
	READ_BACKUPS(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, SECURITY_OFFICER, COMMISSION_REVIEWER, COMMISSION_MANAGER,
			SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/** Keep backup policies, report backup runs and record restore tests (Art. 16). */
	KEEP_BACKUPS(EnumSet.of(SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	// Finance (Art. 18)

	/**
	 * Read the budget basis: every unit's resources, fees, payments, utilisation and
	 * committed cost as aggregates and contract totals, and export it (Art. 18: the
	 * finance bureau budgets each unit's IT spending from its use of the platform).
	 */
	READ_BUDGETS(EnumSet.of(FINANCE_VIEWER, COMMISSION_REVIEWER, COMMISSION_MANAGER)),

	// Assessment (Art. 19)

	/**
	 * Read the satisfaction surveys and their results: the Commission every unit's, a
	 * unit its own and the city's (Art. 19).
	 */
	READ_SURVEYS(EnumSet.of(COMMISSION_REVIEWER, COMMISSION_MANAGER, UNIT_ADMIN, UNIT_MEMBER, SECURITY_OFFICER)),

	/** Open and close satisfaction surveys with their questions (Art. 19). */
	OPEN_SURVEYS(EnumSet.of(COMMISSION_MANAGER)),

	/** Answer a satisfaction survey, once, as one of a unit's people (Art. 19). */
	ANSWER_SURVEYS(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, SECURITY_OFFICER)),

	/**
	 * Read the suppliers' assessments: the Commission every supplier's, a supplier only
	 * its own (Art. 19).
	 */
	READ_ASSESSMENTS(EnumSet.of(COMMISSION_REVIEWER, COMMISSION_MANAGER, SUPPLIER_OPERATOR, SUPPLIER_MANAGER)),

	/**
	 * Configure a year's assessment rules (each save a new version), adjust a score with
	 * a reason, issue the draft and finalise it (Art. 19: the Commission scores the
	 * supplier).
	 */
	MANAGE_ASSESSMENTS(EnumSet.of(COMMISSION_MANAGER)),

	/**
	 * Object to the supplier's own draft assessment with reasons within 10 working days
	 * (Art. 19).
	 */
	OBJECT_ASSESSMENTS(EnumSet.of(SUPPLIER_MANAGER)),

	// Rightsizing (Art. 8)

	/**
	 * Rightsizing recommendations and their evidence (Art. 8: surplus released according
	 * to actual usage): the Commission all, a unit its own.
	 */
	READ_RIGHTSIZING(EnumSet.of(UNIT_ADMIN, UNIT_MEMBER, COMMISSION_REVIEWER, COMMISSION_MANAGER)),

	/**
	 * Choose the recommendations' mode and recompute them, issue release orders and
	 * decide on objections (Art. 8: the Commission releases surplus resources).
	 */
	MANAGE_RIGHTSIZING(EnumSet.of(COMMISSION_MANAGER)),

	/**
	 * Accept a release order, or object to it within the objection period (Art. 8: the
	 * unit's right to object).
	 */
	ANSWER_RELEASE_ORDERS(EnumSet.of(UNIT_ADMIN)),

	/**
	 * The city's rightsizing savings: potential (open recommendations) and realised
	 * (carried-out release orders), per unit and month, and their export (Art. 8); for
	 * the Commission and the finance bureau, every unit's.
	 */
	READ_RIGHTSIZING_SAVINGS(EnumSet.of(FINANCE_VIEWER, COMMISSION_REVIEWER, COMMISSION_MANAGER));

	private final Set<Role> roles;

	Permission(Collection<Role> roles) {
		this.roles = Set.copyOf(roles);
	}

	/** The roles this permission is granted to. */
	public Set<Role> roles() {
		return this.roles;
	}

	public boolean grantedTo(Role role) {
		return this.roles.contains(role);
	}

	/** Whether any of these roles holds this permission. */
	public boolean grantedToAny(Collection<Role> held) {
		for (Role role : held) {
			if (grantedTo(role)) {
				return true;
			}
		}
		return false;
	}

	private static Set<Role> union(Set<Role> first, Set<Role> second) {
		EnumSet<Role> all = EnumSet.copyOf(first);
		all.addAll(second);
		return all;
	}

}
