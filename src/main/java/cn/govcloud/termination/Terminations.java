package cn.govcloud.termination;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.request.ResourceApplication;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.systems.ApplicationSystem;
import cn.govcloud.systems.ApplicationSystems;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Termination applications (Art. 9): a unit administrator applies to terminate a system,
 * or selected resources, once the checklist holds; the open applications it says to
 * withdraw are withdrawn with the submission. Nothing is saved unless everything is.
 */
@Service
class Terminations {

	private final TerminationRepository repository;

	private final TerminationChecklist checklist;

	private final ApplicationSystems systems;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	Terminations(TerminationRepository repository, TerminationChecklist checklist, ApplicationSystems systems,
			AuditTrail audit, ApplicationEventPublisher events) {
		this.repository = repository;
		this.checklist = checklist;
		this.systems = systems;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public Termination apply(DataScope scope, TerminationForm form, String fileName, byte[] evidence) {
		if (form.systemId() == null) {
			throw InvalidInputException.of("systemId", "error.field.required");
		}
		ApplicationSystem system = this.systems.findWritable(scope, form.systemId());
		List<ResourceApplication> open = this.checklist.check(scope, form, fileName, evidence);
		int version = this.checklist.storeEvidence(scope, system.id(), fileName, evidence);
		String withdrawn = this.checklist.settle(scope, form, open);
		UUID id = UUID.randomUUID();
		String number = this.repository.nextNumber(CityTime.today());
		try {
			this.repository.insert(id, number, system.unitId(), form, version, withdrawn, scope.principal().userId(),
					Instant.now().truncatedTo(ChronoUnit.MICROS));
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("systemId", "termination.pending");
		}
		this.audit.record("termination.apply", "termination:" + id + " " + number, AuditOutcome.SUCCESS,
				system.name() + (form.whole() ? ", whole system" : ", " + form.instanceIds().size() + " instances"));
		this.events.publishEvent(new TerminationSubmitted(id, number, system.unitName(), system.name()));
		return find(scope, id);
	}

	/**
	 * The system's open resource applications (draft, submitted, returned): what the unit
	 * must say something about when it applies.
	 */
	public List<ResourceApplication> openApplications(DataScope scope, UUID systemId) {
		return this.checklist.open(scope, systemId);
	}

	public Termination find(DataScope scope, UUID id) {
		return this.repository.find(scope, id).orElseThrow(() -> new NotFoundException("termination", id));
	}

	/**
	 * Termination applications in {@code sort}'s order ({@code field,asc|desc}; null:
	 * newest first).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<Termination> search(DataScope scope, TerminationStatus status, UUID systemId, String sort, int page,
			int size) {
		Page.Request request = Page.request(page, size, TerminationRepository.SORTABLE.parse(sort));
		return request.of(this.repository.search(scope, status, systemId,
				TerminationRepository.SORTABLE.orderBy(request.order()), request.offset(), request.size()),
				this.repository.count(scope, status, systemId));
	}

}
