package cn.govcloud.security;

import java.util.Locale;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.StateChange;
import cn.govcloud.shared.StateChange.History;

import org.springframework.stereotype.Component;

/**
 * Where a finding's steps are persisted (ADR 0015) and written to the audit trail: of two
 * steps at once one wins, the other is told who decided first.
 */
@Component
class FindingLedger {

	static final Ledger LEDGER = new Ledger("security_finding", "status", "security_finding_event", "finding_id");

	private final Decisions decisions;

	private final FindingRepository repository;

	private final AuditTrail audit;

	FindingLedger(Decisions decisions, FindingRepository repository, AuditTrail audit) {
		this.decisions = decisions;
		this.repository = repository;
		this.audit = audit;
	}

	void opened(Finding finding, java.util.UUID by) {
		this.decisions.record(LEDGER, finding.id(),
				new History("RECORDED", by, finding.description(), finding.createdAt()));
		this.audit.record("security.finding.recorded", "finding:" + finding.id(), AuditOutcome.SUCCESS,
				finding.number());
	}

	FindingDecided persist(Finding finding, StateChange<FindingDecided> change) {
		FindingDecided decided = this.decisions.persist(LEDGER, change,
				() -> this.repository.findById(finding.id()).orElseThrow());
		this.audit.record("security.finding." + change.history().action().toLowerCase(Locale.ROOT),
				"finding:" + finding.id(), AuditOutcome.SUCCESS, finding.number());
		return decided;
	}

}
