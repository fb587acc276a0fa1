package cn.govcloud.systems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.organization.UserAccount;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Role;
import cn.govcloud.systems.HostingStatusPolicy.Authority;
import cn.govcloud.systems.HostingStatusPolicy.Proposal;
import cn.govcloud.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of application systems (Art. 3, 15). A unit registers its own systems; the
 * security officer is a person of that unit with the officer role (Art. 15).
 */
@Service
public class ApplicationSystems {

	/**
	 * How a system can enter the register: new, still self-hosted, or already on the
	 * platform.
	 */
	public static final Set<HostingStatus> INITIAL = EnumSet.of(HostingStatus.PLANNED, HostingStatus.LEGACY_SELF_HOSTED,
			HostingStatus.ON_PLATFORM);

	private final SystemRepository repository;

	private final Users users;

	private final AuditTrail audit;

	private final StatusChanges status;

	ApplicationSystems(SystemRepository repository, Users users, AuditTrail audit, StatusChanges status) {
		this.repository = repository;
		this.users = users;
		this.audit = audit;
		this.status = status;
	}

	/** A unit registers one of its systems. */
	@Transactional
	public ApplicationSystem register(DataScope scope, SystemForm form, HostingStatus initialStatus) {
		UUID unit = scope.principal().organizationId();
		if (scope.principal().organizationKind() != OrganizationKind.UNIT) {
			throw InvalidInputException.of("unitId", "system.unit.only");
		}
		HostingStatus status = (initialStatus != null) ? initialStatus : HostingStatus.PLANNED;
		List<FieldProblem> problems = check(scope, unit, form, UUID.randomUUID());
		if (!INITIAL.contains(status)) {
			problems.add(new FieldProblem("hostingStatus", "system.status.initial"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		this.repository.insert(id, unit, form, status, Instant.now());
		this.audit.record("system.register", describe(id, form.name()), AuditOutcome.SUCCESS, status.name());
		return this.repository.findById(id).orElseThrow();
	}

	@Transactional
	public ApplicationSystem update(DataScope scope, UUID id, SystemForm form) {
		ApplicationSystem current = findWritable(scope, id);
		List<FieldProblem> problems = check(scope, current.unitId(), form, id);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.repository.update(id, form, Instant.now());
		this.audit.record("system.update", describe(id, form.name()), AuditOutcome.SUCCESS);
		return this.repository.findById(id).orElseThrow();
	}

	/**
	 * A planned system now runs on the platform, or its migration has arrived (Art. 3).
	 */
	@Transactional
	public ApplicationSystem putOnPlatform(DataScope scope, UUID id) {
		return transition(scope, id, null, Proposal.to(HostingStatus.ON_PLATFORM));
	}

	/**
	 * A self-hosted (or exempt) system starts migrating to the platform, or a running
	 * migration gets a new target date, which must lie in the future.
	 */
	@Transactional
	public ApplicationSystem scheduleMigration(DataScope scope, UUID id, LocalDate targetDate) {
		return transition(scope, id, null, new Proposal(HostingStatus.MIGRATING, targetDate, null, null, false));
	}

	/** A migration stops, or an exemption is lifted: the system stays self-hosted. */
	@Transactional
	public ApplicationSystem returnToSelfHosting(DataScope scope, UUID id, String reason) {
		return transition(scope, id, null, new Proposal(HostingStatus.LEGACY_SELF_HOSTED, null, reason, null, false));
	}

	/** The unit switches a system off, or abandons a planned one. Offline is final. */
	@Transactional
	public ApplicationSystem takeOffline(DataScope scope, UUID id, String reason) {
		return transition(scope, id, null, new Proposal(HostingStatus.OFFLINE, null, reason, null, false));
	}

	/**
	 * Any of the unit's changes, as the API and the pages state them. An exemption is not
	 * among them: the unit asks for one through {@link Exemptions#request}.
	 */
	@Transactional
	public ApplicationSystem changeStatus(DataScope scope, UUID id, StatusChange change) {
		return transition(scope, id, change.expectedStatus(),
				new Proposal(change.status(), change.targetDate(), change.reason(), change.exemptionBasis(), false));
	}

	/**
	 * An approved termination (Art. 9) takes the system offline whatever its status. A
	 * call of another module, without a data scope; audited as the signed-in person or as
	 * {@code system}. Taking an offline system offline again changes nothing.
	 */
	@Transactional
	public ApplicationSystem markOffline(UUID systemId, String reason) {
		ApplicationSystem locked = this.status.lock(systemId, null);
		if (locked.hostingStatus() == HostingStatus.OFFLINE) {
			return locked;
		}
		return this.status.apply(locked, new Proposal(HostingStatus.OFFLINE, null, reason, null, false),
				Authority.TERMINATION);
	}

	/**
	 * The statuses the caller may move the system to now: a unit's own systems only, and
	 * never to exempt (the Commission grants that on the unit's request).
	 */
	public Set<HostingStatus> transitions(DataScope scope, ApplicationSystem system) {
		boolean own = scope.principal().may(Permission.KEEP_REGISTER)
				&& scope.principal().organizationId().equals(system.unitId());
		return own ? HostingStatusPolicy.allowed(system.hostingStatus(), Authority.UNIT) : Set.of();
	}

	/** The changes of the system's hosting status, newest first. */
	public List<HostingChange> history(DataScope scope, UUID id) {
		find(scope, id);
		return this.status.history(id);
	}

	private ApplicationSystem transition(DataScope scope, UUID id, HostingStatus expected, Proposal change) {
		findWritable(scope, id);
		ApplicationSystem locked = this.status.lock(id, expected);
		return this.status.apply(locked, change, scope.seesAll() ? Authority.COMMISSION : Authority.UNIT);
	}

	/**
	 * The system, or "not found" when it does not exist or is outside the caller's scope.
	 */
	public ApplicationSystem find(DataScope scope, UUID id) {
		return scope.require(this.repository.findById(id), ApplicationSystem::unitId, "system", id);
	}

	/** The system if the caller may change it (its own unit), else "not found". */
	public ApplicationSystem findWritable(DataScope scope, UUID id) {
		return scope.requireWritable(this.repository.findById(id), ApplicationSystem::unitId, "system", id);
	}

	/** Unscoped lookup for other modules' own checks; never shown as such. */
	public Optional<ApplicationSystem> lookup(UUID id) {
		return this.repository.findById(id);
	}

	public Page<ApplicationSystem> search(DataScope scope, UUID unitId, HostingStatus status, String text, int page,
			int size) {
		return search(scope, unitId, status, text, null, page, size);
	}

	/**
	 * The same in the order {@code sort} asks for ({@code field,asc|desc}).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<ApplicationSystem> search(DataScope scope, UUID unitId, HostingStatus status, String text, String sort,
			int page, int size) {
		String query = Text.stripToNull(text);
		Page.Request request = Page.request(page, size, SystemRepository.SORTABLE.parse(sort));
		return request.of(this.repository.search(scope, unitId, status, query,
				SystemRepository.SORTABLE.orderBy(request.order()), request.offset(), request.size()),
				this.repository.count(scope, unitId, status, query));
	}

	/** The units with systems in the caller's scope, by name: for filters. */
	public List<Owner> owners(DataScope scope) {
		return this.repository.owners(scope);
	}

	/** A unit that owns systems. */
	public record Owner(UUID id, String name) {
	}

	private List<FieldProblem> check(DataScope scope, UUID unit, SystemForm form, UUID id) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.repository.nameTaken(unit, form.name(), id)) {
			problems.add(new FieldProblem("name", "system.name.taken"));
		}
		if (form.securityOfficerId() != null) {
			boolean officer;
			try {
				UserAccount person = this.users.find(scope, form.securityOfficerId());
				officer = person.organizationId().equals(unit) && person.roles().contains(Role.SECURITY_OFFICER)
						&& person.enabled();
			}
			catch (NotFoundException ex) {
				officer = false;
			}
			if (!officer) {
				problems.add(new FieldProblem("securityOfficerId", "system.officer.invalid"));
			}
		}
		if (form.lastAssessmentOn() != null && form.lastAssessmentOn().isAfter(this.status.today())) {
			problems.add(new FieldProblem("lastAssessmentOn", "system.assessment.future"));
		}
		return problems;
	}

	static String describe(UUID id, String name) {
		return "system:" + id + " " + name;
	}

}
