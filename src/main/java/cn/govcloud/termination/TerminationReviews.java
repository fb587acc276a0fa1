package cn.govcloud.termination;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.inventory.ReclaimOrders;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.StateChange;
import cn.govcloud.systems.ApplicationSystems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Commission's review of termination applications (Art. 9): approve, or return with a
 * reason. The termination decides ({@link Termination#decide}), {@link Decisions}
 * persists: of two reviewers deciding at once one wins and the other is told who decided
 * first. Approval opens the reclaim work orders; with nothing left to reclaim, a whole
 * system goes offline at once.
 */
@Service
class TerminationReviews {

	private final TerminationRepository repository;

	private final ReclaimOrders reclaims;

	private final ApplicationSystems systems;

	private final AuditTrail audit;

	private final Decisions decisions;

	TerminationReviews(TerminationRepository repository, ReclaimOrders reclaims, ApplicationSystems systems,
			AuditTrail audit, Decisions decisions) {
		this.repository = repository;
		this.reclaims = reclaims;
		this.systems = systems;
		this.audit = audit;
		this.decisions = decisions;
	}

	@Transactional
	public Termination decide(DataScope scope, UUID id, DecisionForm form) {
		Termination termination = this.repository.find(scope, id)
			.orElseThrow(() -> new NotFoundException("termination", id));
		StateChange<TerminationDecided> decision = termination.decide(form, scope.principal().userId(),
				Instant.now().truncatedTo(ChronoUnit.MICROS), CityTime.today());
		this.decisions.persist(TerminationRepository.LEDGER, decision,
				() -> this.repository.findById(id).orElseThrow());
		if (form.decision() == TerminationDecision.APPROVED) {
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
		return this.repository.findById(id).orElseThrow();
	}

}
