package cn.govcloud.contract;

import java.time.Instant;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.contract.ContractRepository.StoredContract;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Commission's filing of contracts (Art. 7 "及时向市经信委备案"): file, or return with a
 * reason. Two reviewers at once: exactly one decision wins; the other is told who decided
 * first.
 */
@Service
public class Filing {

	private final ContractRepository repository;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	Filing(ContractRepository repository, AuditTrail audit, ApplicationEventPublisher events) {
		this.repository = repository;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public UUID file(DataScope scope, UUID id) {
		StoredContract contract = awaiting(scope, id);
		ContractStatus to = contract.termStart().isAfter(CityTime.today()) ? ContractStatus.FILED
				: ContractStatus.ACTIVE;
		decide(scope, contract, to, null);
		this.events.publishEvent(new ContractFiled(id, contract.number(), contract.unitId(), contract.supplierId(),
				contract.systemId(), contract.termStart(), contract.termEnd()));
		return id;
	}

	@Transactional
	public UUID returnToUnit(DataScope scope, UUID id, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			throw InvalidInputException.of("reason", "contract.return.reason");
		}
		StoredContract contract = awaiting(scope, id);
		decide(scope, contract, ContractStatus.RETURNED, reason.strip());
		this.events.publishEvent(new ContractReturned(id, contract.number(), contract.unitId(), reason.strip()));
		return id;
	}

	private StoredContract awaiting(DataScope scope, UUID id) {
		StoredContract contract = ContractReader.visible(scope, this.repository.findById(id), id);
		if (contract.status() != ContractStatus.SUBMITTED) {
			throw alreadyDecided(contract);
		}
		return contract;
	}

	private void decide(DataScope scope, StoredContract contract, ContractStatus to, String reason) {
		Instant now = Instant.now();
		if (!this.repository.decide(contract.id(), to, reason, scope.principal().userId(), now)) {
			throw alreadyDecided(this.repository.findById(contract.id()).orElseThrow());
		}
		String action = (to == ContractStatus.RETURNED) ? "RETURNED" : "FILED";
		this.repository.event(contract.id(), scope.principal().userId(), action, reason, now);
		this.audit.record("contract." + action.toLowerCase(java.util.Locale.ROOT), Contracts.describe(contract),
				AuditOutcome.SUCCESS, reason);
	}

	static ConflictException alreadyDecided(StoredContract contract) {
		if (contract.decidedBy() == null) {
			return Contracts.notNow(contract);
		}
		return new ConflictException("contract.alreadyDecided", contract.number(), contract.decidedBy(),
				CityTime.minutes(contract.decidedAt()),
				new DefaultMessageSourceResolvable("contract.status." + contract.status()));
	}

}
