package cn.govcloud.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.StateChange.History;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Amendments of filed contracts: new quantities from an effective date, within the
 * approval, prices unchanged. Every version stays; totals take each over its own period.
 * A reclaim (Art. 9) amends through here too, ending the reclaimed resources' lines.
 */
@Service
public class Amendments {

	private final ContractRepository repository;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Decisions decisions;

	Amendments(ContractRepository repository, AuditTrail audit, ApplicationEventPublisher events, Decisions decisions) {
		this.repository = repository;
		this.audit = audit;
		this.events = events;
		this.decisions = decisions;
	}

	@Transactional
	public UUID amend(DataScope scope, UUID id, AmendmentForm form) {
		StoredContract contract = ContractReader.visible(scope, this.repository.findById(id), id);
		if (!scope.seesAll() && !scope.principal().organizationId().equals(contract.unitId())) {
			throw new NotFoundException("contract", id);
		}
		return amend(id, form, scope.principal().userId(), false);
	}

	/**
	 * An amendment another module makes on a person's behalf, without a data scope: the
	 * reclaim of resources ends their lines (Art. 9) from the day after the reclaim date.
	 * Reclaims of one day from several orders merge into one version: an amendment
	 * effective on the current version's date rewrites that version's lines.
	 */
	@Transactional
	public UUID amendForReclaim(UUID id, AmendmentForm form, UUID by) {
		return amend(id, form, by, true);
	}

	private UUID amend(UUID id, AmendmentForm form, UUID by, boolean merge) {
		this.repository.lock(id);
		StoredContract contract = this.repository.findById(id).orElseThrow();
		if (contract.status() != ContractStatus.FILED && contract.status() != ContractStatus.ACTIVE) {
			throw contract.notNow();
		}
		List<ContractVersion> versions = this.repository.versions(id);
		ContractVersion current = versions.get(versions.size() - 1);
		boolean rewrite = merge && current.version() > 1 && current.effectiveFrom().equals(form.effectiveFrom());
		List<FieldProblem> problems = new ArrayList<>();
		if (form.effectiveFrom() == null || (!rewrite && !form.effectiveFrom().isAfter(current.effectiveFrom()))
				|| form.effectiveFrom().isAfter(contract.termEnd())) {
			problems.add(new FieldProblem("effectiveFrom", "contract.amend.date", current.effectiveFrom(),
					contract.termEnd()));
		}
		if (form.reason() == null || form.reason().isEmpty() || form.reason().length() > 2000) {
			problems.add(new FieldProblem("reason", "error.field.size", 1, 2000));
		}
		int version = rewrite ? current.version() : current.version() + 1;
		List<ContractLine> lines = new ArrayList<>();
		for (ContractLine line : current.lines()) {
			long quantity = form.quantities().getOrDefault(line.position(), line.quantity());
			if (quantity < 0 || quantity > line.approvedQuantity()) {
				problems.add(new FieldProblem("quantities[" + line.position() + "]", "contract.quantity.aboveApproved",
						line.position(), quantity, line.approvedQuantity()));
			}
			lines.add(new ContractLine(null, version, line.position(), line.applicationLineId(), line.kind(),
					line.dimension(), line.billingUnit(), quantity, line.approvedQuantity(), line.unitPrice(),
					line.capPrice(), line.tenderNumber()));
		}
		form.quantities()
			.keySet()
			.stream()
			.filter((position) -> current.lines().stream().noneMatch((line) -> line.position() == position))
			.forEach((position) -> problems
				.add(new FieldProblem("quantities[" + position + "]", "contract.line.unknown")));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = Instant.now();
		this.repository.replaceLines(id, version, lines);
		this.repository.saveVersion(id, version, form.effectiveFrom(), form.reason(), by, now);
		this.decisions.record(ContractRepository.LEDGER, id, new History("AMENDED", by, form.reason(), now));
		this.audit.record("contract.amend", Contracts.describe(contract), AuditOutcome.SUCCESS,
				"version " + version + " from " + form.effectiveFrom());
		this.events.publishEvent(new ContractAmended(id, version, form.effectiveFrom(), merge));
		return id;
	}

}
