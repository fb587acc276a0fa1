package cn.govcloud.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.contract.ContractRepository.ContractHeader;
import cn.govcloud.request.ApplicationId;
import cn.govcloud.request.ResourceApplication;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.StateChange;
import cn.govcloud.shared.StateChange.History;
import cn.govcloud.shared.SupplierId;
import cn.govcloud.shared.SystemId;
import cn.govcloud.shared.UnitId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's side of contracts (Art. 7): drafted from an approved application, priced
 * within the tender caps, signed (date and signed PDF) and submitted for filing with the
 * Commission.
 */
@Service
class Contracts {

	private final ContractRepository repository;

	private final ContractPricing pricing;

	private final ContractTerms terms;

	private final AuditTrail audit;

	private final Decisions decisions;

	Contracts(ContractRepository repository, ContractPricing pricing, ContractTerms terms, AuditTrail audit,
			Decisions decisions) {
		this.decisions = decisions;
		this.repository = repository;
		this.pricing = pricing;
		this.terms = terms;
		this.audit = audit;
	}

	@Transactional
	public UUID draft(DataScope scope, ContractDraft draft) {
		ResourceApplication application = this.terms.approvedApplication(scope, draft.applicationId());
		List<FieldProblem> problems = new ArrayList<>();
		this.terms.check(draft, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<ContractLine> lines = draft.lines().isEmpty()
				? this.pricing.prefill(application, draft.supplierId(), draft.termStart())
				: this.pricing.check(draft.lines(), application, draft.supplierId(), draft.termStart(), problems);
		if (lines.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("lines", "contract.lines.noPrices"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.repository.insert(id, this.repository.nextNumber(Year.now().getValue()),
				new ContractHeader(draft.contractCode(), new UnitId(application.unitId()),
						new SupplierId(draft.supplierId()), new SystemId(application.systemId()),
						new ApplicationId(application.id()), draft.termStart(), draft.termEnd()),
				scope.principal().userId(), now);
		this.repository.replaceLines(id, 1, lines);
		this.repository.saveVersion(id, 1, draft.termStart(), null, scope.principal().userId(), now);
		this.decisions.record(ContractRepository.LEDGER, id,
				new History("CREATED", scope.principal().userId(), null, now));
		this.audit.record("contract.draft", "contract:" + id + " " + draft.contractCode(), AuditOutcome.SUCCESS);
		return id;
	}

	/**
	 * Checks and prices a draft without saving: for the drafting page's live total and
	 * cap check. Empty lines are prefilled from the approval at the tender prices.
	 */
	public Quote quote(DataScope scope, ContractDraft draft) {
		ResourceApplication application = this.terms.application(scope, draft.applicationId());
		List<FieldProblem> problems = new ArrayList<>();
		this.terms.check(draft, problems);
		if (draft.termStart() == null || draft.supplierId() == null) {
			return new Quote(List.of(), problems, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO);
		}
		List<ContractLine> lines = draft.lines().isEmpty()
				? this.pricing.prefill(application, draft.supplierId(), draft.termStart())
				: this.pricing.check(draft.lines(), application, draft.supplierId(), draft.termStart(), problems);
		LocalDate end = (draft.termEnd() != null && !draft.termEnd().isBefore(draft.termStart())) ? draft.termEnd()
				: draft.termStart();
		Totals totals = ContractTotals.of(draft.termStart(), end,
				List.of(new ContractVersion(1, draft.termStart(), null, null, Instant.now(), lines)), List.of(),
				draft.termStart());
		return new Quote(lines, problems, totals.monthly(), totals.term());
	}

	/**
	 * Replaces the terms and lines before filing; a signed contract goes back to draft.
	 */
	@Transactional
	public UUID revise(DataScope scope, UUID id, ContractDraft draft) {
		StoredContract contract = lockWritable(scope, id);
		StateChange<Void> toDraft = contract.revise();
		ResourceApplication application = this.terms.application(scope, contract.applicationId());
		ContractDraft same = new ContractDraft(contract.applicationId(), contract.supplierId(), draft.contractCode(),
				draft.termStart(), draft.termEnd(), draft.lines());
		List<FieldProblem> problems = new ArrayList<>();
		this.terms.check(same, problems);
		List<ContractLine> lines = problems.isEmpty()
				? this.pricing.check(same.lines(), application, contract.supplierId(), same.termStart(), problems)
				: List.of();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.repository.updateHeader(id, same.contractCode(), same.termStart(), same.termEnd());
		this.repository.replaceLines(id, 1, lines);
		this.repository.saveVersion(id, 1, same.termStart(), null, scope.principal().userId(), Instant.now());
		this.decisions.persist(ContractRepository.LEDGER, toDraft, () -> this.repository.findById(id).orElseThrow());
		this.audit.record("contract.revise", describe(contract), AuditOutcome.SUCCESS);
		return id;
	}

	/** Records the signing date and the signed PDF. */
	@Transactional
	public UUID sign(DataScope scope, UUID id, LocalDate signedOn, String fileName, byte[] pdf) {
		StoredContract contract = lockWritable(scope, id);
		Instant now = Instant.now();
		StateChange<Void> signing = contract.sign(signedOn, pdf, CityTime.today(), scope.principal().userId(), now);
		this.repository.storeSignedPdf(id, SignedPdf.cleanName(fileName), pdf, scope.principal().userId(), now);
		this.decisions.persist(ContractRepository.LEDGER, signing, () -> this.repository.findById(id).orElseThrow());
		this.audit.record("contract.sign", describe(contract), AuditOutcome.SUCCESS);
		return id;
	}

	/** Submits a signed contract for filing with the Commission (Art. 7 "及时备案"). */
	@Transactional
	public UUID submit(DataScope scope, UUID id) {
		StoredContract contract = lockWritable(scope, id);
		this.decisions.persist(ContractRepository.LEDGER, contract.submit(scope.principal().userId(), Instant.now()),
				() -> this.repository.findById(id).orElseThrow());
		this.audit.record("contract.submit", describe(contract), AuditOutcome.SUCCESS);
		return id;
	}

	private StoredContract lockWritable(DataScope scope, UUID id) {
		StoredContract found = ContractReader.visible(scope, this.repository.findById(id), id);
		if (!scope.principal().organizationId().equals(found.unitId())) {
			throw new NotFoundException("contract", id);
		}
		this.repository.lock(found.id());
		return this.repository.findById(id).orElseThrow();
	}

	static String describe(StoredContract contract) {
		return "contract:" + contract.id() + " " + contract.number();
	}

}
