package cn.govcloud.termination;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.inventory.ReclaimOrders;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.systems.ApplicationSystems;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Commission's review of termination applications (Art. 9): approve, or return with a
 * reason. A conditional update decides, so of two reviewers deciding at once one wins and
 * the other is told who decided first. Approval opens the reclaim work orders; with
 * nothing left to reclaim, a whole system goes offline at once.
 */
@Service
public class TerminationReviews {

	private final TerminationRepository repository;

	private final ReclaimOrders reclaims;

	private final ApplicationSystems systems;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	TerminationReviews(TerminationRepository repository, ReclaimOrders reclaims, ApplicationSystems systems,
			AuditTrail audit, ApplicationEventPublisher events) {
		this.repository = repository;
		this.reclaims = reclaims;
		this.systems = systems;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public Termination decide(DataScope scope, UUID id, DecisionForm form) {
		Termination termination = this.repository.find(scope, id)
			.orElseThrow(() -> new NotFoundException("termination", id));
		if (termination.status() != TerminationStatus.SUBMITTED) {
			throw alreadyDecided(termination);
		}
		check(form);
		boolean approve = form.decision() == TerminationDecision.APPROVED;
		TerminationStatus to = approve ? TerminationStatus.APPROVED : TerminationStatus.RETURNED;
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		if (!this.repository.decide(id, to, approve ? null : form.reason(), scope.principal().userId(), now,
				approve ? CityTime.today() : null)) {
			throw alreadyDecided(this.repository.findById(id).orElseThrow());
		}
		if (approve) {
			int toReclaim = this.reclaims.openForTermination(id, termination.number(), termination.systemId(),
					termination.wholeSystem() ? null : termination.instanceIds());
			if (toReclaim == 0) {
				if (termination.wholeSystem()) {
					this.systems.markOffline(termination.systemId(), "Art. 9: " + termination.number());
				}
				this.repository.reclaimedIfDone(id);
			}
		}
		this.audit.record("termination.decide", "termination:" + id + " " + termination.number(), AuditOutcome.SUCCESS,
				form.decision() + ((form.reason() != null) ? ": " + form.reason() : ""));
		this.events.publishEvent(new TerminationDecided(id, termination.number(), termination.unitId(),
				termination.systemName(), form.decision(), form.reason()));
		return this.repository.findById(id).orElseThrow();
	}

	private static void check(DecisionForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form == null || form.decision() == null) {
			throw InvalidInputException.of("decision", "error.field.required");
		}
		if (form.decision() == TerminationDecision.RETURNED && form.reason() == null) {
			problems.add(new FieldProblem("reason", "termination.reason.required"));
		}
		if (form.reason() != null && form.reason().length() > 2000) {
			problems.add(new FieldProblem("reason", "error.field.size", 1, 2000));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** The refusal of a decision that came too late: who decided first, when, and how. */
	static ConflictException alreadyDecided(Termination termination) {
		if (termination.decidedBy() == null) {
			return new ConflictException("termination.notAwaiting", termination.number(),
					new DefaultMessageSourceResolvable("termination.status." + termination.status()));
		}
		return new ConflictException("termination.alreadyDecided", termination.number(), termination.decidedBy(),
				CityTime.minutes(termination.decidedAt()),
				new DefaultMessageSourceResolvable("termination.status." + termination.status()));
	}

}
