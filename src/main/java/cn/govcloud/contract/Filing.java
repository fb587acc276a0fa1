package cn.govcloud.contract;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.StateChange;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Commission's filing of contracts (Art. 7 "及时向市经信委备案"): file, or return with a
 * reason. The contract decides ({@link StoredContract#file}), {@link Decisions} persists:
 * of two reviewers at once exactly one decision wins, and the other is told who decided
 * first.
 */
@Service
class Filing {

	private final ContractRepository repository;

	private final AuditTrail audit;

	private final Decisions decisions;

	Filing(ContractRepository repository, AuditTrail audit, Decisions decisions) {
		this.repository = repository;
		this.audit = audit;
		this.decisions = decisions;
	}

	@Transactional
	public UUID file(DataScope scope, UUID id) {
		StoredContract contract = ContractReader.visible(scope, this.repository.findById(id), id);
		persist(contract, contract.file(CityTime.today(), scope.principal().userId(), Instant.now()));
		return id;
	}

	@Transactional
	public UUID returnToUnit(DataScope scope, UUID id, String reason) {
		StoredContract contract = ContractReader.visible(scope, this.repository.findById(id), id);
		persist(contract, contract.returnToUnit(reason, scope.principal().userId(), Instant.now()));
		return id;
	}

	private void persist(StoredContract contract, StateChange<?> decision) {
		this.decisions.persist(ContractRepository.LEDGER, decision,
				() -> this.repository.findById(contract.id()).orElseThrow());
		String action = decision.history().action();
		this.audit.record("contract." + action.toLowerCase(Locale.ROOT), Contracts.describe(contract),
				AuditOutcome.SUCCESS, decision.history().reason());
	}

}
