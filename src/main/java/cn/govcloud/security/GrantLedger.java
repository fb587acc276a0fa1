package cn.govcloud.security;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.StateChange;
import cn.govcloud.shared.StateChange.History;

import org.springframework.stereotype.Component;

/**
 * Where a grant's steps are persisted (ADR 0015) and written to the audit trail: one
 * decision wins, the loser is told who decided first.
 */
@Component
class GrantLedger {

	static final Ledger LEDGER = new Ledger("security_access_grant", "status", "security_access_grant_event",
			"grant_id");

	private final Decisions decisions;

	private final GrantRepository repository;

	private final AuditTrail audit;

	GrantLedger(Decisions decisions, GrantRepository repository, AuditTrail audit) {
		this.decisions = decisions;
		this.repository = repository;
		this.audit = audit;
	}

	void opened(AccessGrant grant) {
		this.decisions.record(LEDGER, grant.id(),
				new History(grant.status().name(), grant.requestedBy(), grant.purpose(), grant.createdAt()));
		this.audit.record("security.access." + grant.status().name().toLowerCase(java.util.Locale.ROOT),
				"access-grant:" + grant.id(), AuditOutcome.SUCCESS, grant.number());
	}

	GrantDecided persist(AccessGrant grant, StateChange<GrantDecided> change) {
		GrantDecided decided = this.decisions.persist(LEDGER, change,
				() -> this.repository.findById(grant.id()).orElseThrow());
		this.audit.record("security.access." + decided.status().name().toLowerCase(java.util.Locale.ROOT),
				"access-grant:" + grant.id(), AuditOutcome.SUCCESS, grant.number());
		return decided;
	}

}
