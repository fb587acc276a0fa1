package cn.govcloud.request;

import java.time.Instant;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.request.ResourceApplication.Decided;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Commission's review (Art. 8): approve, approve with cuts (per line the approved
 * spec and quantity and the reason, kept beside the request forever), return for
 * revision, or reject. The application decides ({@link ResourceApplication#decide}),
 * {@link Decisions} persists: of two reviewers deciding at once exactly one wins, and the
 * other is told who decided first.
 */
@Service
class Reviews {

	private final ApplicationRepository repository;

	private final ResourceApplications applications;

	private final CutRules rules;

	private final AuditTrail audit;

	private final Decisions decisions;

	Reviews(ApplicationRepository repository, ResourceApplications applications, ResourceKinds kinds, AuditTrail audit,
			Decisions decisions) {
		this.repository = repository;
		this.applications = applications;
		this.rules = new CutRules(kinds::check);
		this.audit = audit;
		this.decisions = decisions;
	}

	@Transactional
	public ResourceApplication decide(DataScope scope, UUID id, DecisionForm form) {
		ResourceApplication application = this.applications.find(scope, id);
		Decided decided = application.decide(form, this.rules, scope.principal().userId(), Instant.now());
		this.decisions.persist(ApplicationRepository.LEDGER, decided.change(),
				() -> this.repository.findById(id).orElseThrow());
		decided.approvals()
			.forEach((lineId, approval) -> this.repository.approveLine(lineId, approval.spec(), approval.quantity(),
					approval.reason()));
		this.audit.record("application.decide", ResourceApplications.describe(application), AuditOutcome.SUCCESS,
				form.decision() + ((form.reason() != null) ? ": " + form.reason() : ""));
		return this.repository.findById(id).orElseThrow();
	}

}
