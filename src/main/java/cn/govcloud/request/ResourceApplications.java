package cn.govcloud.request;

import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.request.ApplicationRepository.CheckedLine;
import cn.govcloud.request.ResourceApplication.Decided;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.StateChange.History;
import cn.govcloud.shared.SystemId;
import cn.govcloud.shared.UnitId;
import cn.govcloud.systems.ApplicationSystem;
import cn.govcloud.systems.ApplicationSystems;
import cn.govcloud.systems.HostingStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's side of resource applications (Art. 6): draft, revise, submit, withdraw,
 * resubmit after a return — every submitted version kept. A change application that only
 * gives resources back is approved automatically at submission (Art. 8: surplus is
 * released).
 */
@Service
public class ResourceApplications {

	private final ApplicationRepository repository;

	private final ApplicationSystems systems;

	private final DraftCheck check;

	private final Allocations allocations;

	private final AuditTrail audit;

	private final Decisions decisions;

	ResourceApplications(ApplicationRepository repository, ApplicationSystems systems, DraftCheck check,
			Allocations allocations, AuditTrail audit, Decisions decisions) {
		this.repository = repository;
		this.systems = systems;
		this.check = check;
		this.allocations = allocations;
		this.audit = audit;
		this.decisions = decisions;
	}

	/**
	 * A new draft for one of the caller's unit's systems; a change application when it
	 * already holds resources.
	 */
	@Transactional
	public ResourceApplication draft(DataScope scope, ApplicationDraft draft) {
		ApplicationSystem system = writableSystem(scope, draft);
		Allocation allocated = this.allocations.forSystem(system.id());
		ApplicationType type = allocated.isEmpty() ? ApplicationType.NEW : ApplicationType.CHANGE;
		List<CheckedLine> lines = this.check.check(draft, type, allocated);
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.repository.insert(new ApplicationId(id), this.repository.nextNumber(Year.now().getValue()),
				new SystemId(system.id()), new UnitId(system.unitId()), type, scope.principal().userId(), now);
		this.repository.replaceContent(id, draft.planVersion(), draft.summary(), lines);
		this.decisions.record(ApplicationRepository.LEDGER, id,
				new History("CREATED", scope.principal().userId(), null, now));
		ResourceApplication created = this.repository.findById(id).orElseThrow();
		this.audit.record("application.draft", describe(created), AuditOutcome.SUCCESS, type.name());
		return created;
	}

	/** Replaces a draft's or a returned application's content. */
	@Transactional
	public ResourceApplication revise(DataScope scope, UUID id, ApplicationDraft draft) {
		ResourceApplication current = lockWritable(scope, id);
		current.requireEditable();
		ApplicationDraft sameSystem = new ApplicationDraft(current.systemId(), draft.planVersion(), draft.summary(),
				draft.lines());
		List<CheckedLine> lines = this.check.check(sameSystem, current.type(),
				this.allocations.forSystem(current.systemId()));
		this.repository.replaceContent(id, draft.planVersion(), draft.summary(), lines);
		this.audit.record("application.revise", describe(current), AuditOutcome.SUCCESS);
		return this.repository.findById(id).orElseThrow();
	}

	@Transactional
	public ResourceApplication submit(DataScope scope, UUID id) {
		ResourceApplication current = lockWritable(scope, id);
		current.requireEditable();
		this.check.check(asDraft(current), current.type(), this.allocations.forSystem(current.systemId()));
		Instant now = Instant.now();
		int revision = current.revision() + 1;
		this.decisions.persist(ApplicationRepository.LEDGER, current.submit(scope.principal().userId(), now),
				() -> this.repository.findById(id).orElseThrow());
		this.repository.saveRevision(current, revision, scope.principal().userId(), now);
		this.audit.record("application.submit", describe(current), AuditOutcome.SUCCESS, "revision " + revision);
		if (current.onlyDecreases()) {
			approveDecreases(current, now);
		}
		return this.repository.findById(id).orElseThrow();
	}

	/**
	 * The unit takes its application back before a decision; a decision that came first
	 * wins.
	 */
	@Transactional
	public ResourceApplication withdraw(DataScope scope, UUID id) {
		ResourceApplication current = lockWritable(scope, id);
		this.decisions.persist(ApplicationRepository.LEDGER,
				current.withdraw(scope.principal().userId(), Instant.now()),
				() -> this.repository.findById(id).orElseThrow());
		this.audit.record("application.withdraw", describe(current), AuditOutcome.SUCCESS);
		return this.repository.findById(id).orElseThrow();
	}

	/**
	 * What an application for this system would be: the first, or a change of what it
	 * holds.
	 */
	public ApplicationType typeFor(UUID systemId) {
		return this.allocations.forSystem(systemId).isEmpty() ? ApplicationType.NEW : ApplicationType.CHANGE;
	}

	public ResourceApplication find(DataScope scope, UUID id) {
		return scope.require(this.repository.findById(id), ResourceApplication::unitId, "application", id);
	}

	public Page<ResourceApplication> search(DataScope scope, ApplicationFilter filter, int page, int size) {
		return search(scope, filter, null, page, size);
	}

	/**
	 * The same in {@code sort}'s order ({@code field,asc|desc}; null: newest first, the
	 * review queue oldest first).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<ResourceApplication> search(DataScope scope, ApplicationFilter filter, String sort, int page,
			int size) {
		Page.Request request = Page.request(page, size, ApplicationRepository.SORTABLE.parse(sort));
		return request.of(this.repository.search(scope, filter, request.order(), request.offset(), request.size()),
				this.repository.count(scope, filter));
	}

	public List<Revision> revisions(DataScope scope, UUID id) {
		find(scope, id);
		return this.repository.revisions(id);
	}

	public List<HistoryEntry> history(DataScope scope, UUID id) {
		find(scope, id);
		return this.repository.history(id);
	}

	private void approveDecreases(ResourceApplication application, Instant now) {
		Decided decided = application.approveDecreases(now);
		this.decisions.persist(ApplicationRepository.LEDGER, decided.change(),
				() -> this.repository.findById(application.id()).orElseThrow());
		decided.approvals()
			.forEach((lineId, approval) -> this.repository.approveLine(lineId, approval.spec(), approval.quantity(),
					approval.reason()));
		this.audit.record("application.autoApprove", describe(application), AuditOutcome.SUCCESS,
				"decreases only (Art. 8)");
	}

	private ApplicationSystem writableSystem(DataScope scope, ApplicationDraft draft) {
		if (draft.systemId() == null) {
			throw InvalidInputException.of("systemId", "error.field.required");
		}
		ApplicationSystem system;
		try {
			system = this.systems.findWritable(scope, draft.systemId());
		}
		catch (NotFoundException ex) {
			throw InvalidInputException.of("systemId", "request.system.unknown");
		}
		if (system.hostingStatus() == HostingStatus.OFFLINE) {
			throw InvalidInputException.of("systemId", "request.system.offline");
		}
		return system;
	}

	private ResourceApplication lockWritable(DataScope scope, UUID id) {
		ResourceApplication found = scope.requireWritable(this.repository.findById(id), ResourceApplication::unitId,
				"application", id);
		this.repository.lock(id);
		return this.repository.findById(found.id()).orElseThrow();
	}

	private static ApplicationDraft asDraft(ResourceApplication application) {
		return new ApplicationDraft(application.systemId(), application.planVersion(), application.summary(),
				application.lines()
					.stream()
					.map((line) -> new ApplicationDraft.LineDraft(line.kind(), line.spec(), line.direction(),
							java.math.BigDecimal.valueOf(line.quantity()), line.justification()))
					.toList());
	}

	static String describe(ResourceApplication application) {
		return "application:" + application.id() + " " + application.number();
	}

}
