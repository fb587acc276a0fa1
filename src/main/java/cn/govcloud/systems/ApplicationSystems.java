package cn.govcloud.systems;

import java.time.Instant;
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
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Role;

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

	ApplicationSystems(SystemRepository repository, Users users, AuditTrail audit) {
		this.repository = repository;
		this.users = users;
		this.audit = audit;
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
		String query = (text == null || text.isBlank()) ? null : text.strip();
		Page.Request request = Page.request(page, size);
		return new Page<>(this.repository.search(scope, unitId, status, query, request.offset(), request.size()),
				request.page(), request.size(), this.repository.count(scope, unitId, status, query));
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
		if (form.lastAssessmentOn() != null && form.lastAssessmentOn().isAfter(java.time.LocalDate.now())) {
			problems.add(new FieldProblem("lastAssessmentOn", "system.assessment.future"));
		}
		return problems;
	}

	static String describe(UUID id, String name) {
		return "system:" + id + " " + name;
	}

}
