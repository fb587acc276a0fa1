package cn.govcloud.assessment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.assessment.SupplierAssessment.ContractDue;
import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.calendar.WorkingCalendars;
import cn.govcloud.contract.ContractYear;
import cn.govcloud.contract.ContractYears;
import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's assessment of a year (Art. 19): computed from the records with the
 * Commission's rules of the year (the latest version, or the default rules), its manual
 * adjustments (with reasons, audited), and once issued the supplier's objection within 10
 * working days and the Commission's final decision, which fixes the score, the rules
 * version and the payment ratio. The Commission reads every supplier's; a supplier only
 * its own (another's reads as not found).
 */
@Service
public class Assessments {

	/** Art. 19: the supplier may object within 10 working days. */
	static final int OBJECTION_WORKING_DAYS = 10;

	private final ContractYears contracts;

	private final Measures measures;

	private final Organizations organizations;

	private final RuleStore rules;

	private final AssessmentStore store;

	private final Decisions decisions;

	private final WorkingCalendars calendars;

	private final AuditTrail audit;

	Assessments(ContractYears contracts, Measures measures, Organizations organizations, RuleStore rules,
			AssessmentStore store, Decisions decisions, WorkingCalendars calendars, AuditTrail audit) {
		this.contracts = contracts;
		this.measures = measures;
		this.organizations = organizations;
		this.rules = rules;
		this.store = store;
		this.decisions = decisions;
		this.calendars = calendars;
		this.audit = audit;
	}

	public SupplierAssessment draft(DataScope scope, int year, UUID supplierId) {
		Organization supplier = supplier(scope, supplierId);
		AssessmentRecord issued = this.store.find(year, supplierId).orElse(null);
		List<ContractYear> contracted = contracted(scope, year, supplierId);
		Map<String, Drilldown> records = this.measures.of(scope, supplierId, year,
				contracted.stream().map(ContractYear::unitId).distinct().toList());
		List<StoredAdjustment> adjustments = this.store.adjustments(year, supplierId);
		AssessmentRules applied;
		ScoreCard card;
		Integer ratio;
		Boolean continues;
		if (issued != null && issued.status() == AssessmentStatus.FINAL) {
			applied = this.rules.version(year, issued.rulesVersion()).orElseThrow();
			card = finalCard(applied, issued);
			ratio = issued.ratioPercent();
			continues = issued.continues();
		}
		else {
			applied = this.rules.current(year);
			card = score(applied, records, adjustments);
			PaymentTable.Band band = (card.total() != null) ? applied.payments().bandOf(card.total()) : null;
			ratio = (band != null) ? band.ratioPercent() : null;
			continues = (band != null) ? band.continues() : null;
		}
		List<ContractDue> dues = contracted.stream()
			.map((c) -> new ContractDue(c.number(), c.unitId(), c.fees(),
					(ratio != null) ? PaymentTable.dueAtRatio(c.fees(), ratio) : null))
			.toList();
		return new SupplierAssessment(year, supplierId, supplier.name(), applied.version(), card, ratio, continues,
				dues, issued, adjustments, records, (issued != null) ? this.store.history(issued.id()) : List.of(),
				applied.payments());
	}

	/**
	 * The rules the year is scored with now: its latest version, or the default rules.
	 */
	public AssessmentRules rules(int year) {
		return this.rules.current(year);
	}

	/** A version of the year's rules (0: the default rules). */
	public AssessmentRules rules(int year, int version) {
		return this.rules.version(year, version).orElseThrow(() -> new NotFoundException("rules", version));
	}

	List<RuleStore.Version> versions(int year) {
		return this.rules.versions(year);
	}

	/**
	 * The Commission saves the year's rules as a new version; a year already finalised
	 * for a supplier keeps the version it was scored with.
	 * @return the version saved
	 */
	@Transactional
	public int saveRules(DataScope scope, int year, RulesForm form) {
		manager(scope);
		AssessmentRules checked = RulesCheck.checked(year, 1, form);
		int version = this.rules.save(checked, scope.principal().userId());
		this.audit.record("assessment.rules.save", "assessment rules " + year + " v" + version, AuditOutcome.SUCCESS);
		return version;
	}

	/**
	 * The Commission adjusts the score by {@code points} (±, not 0, at most 100) with a
	 * reason; refused once the assessment is final.
	 */
	@Transactional
	public StoredAdjustment adjust(DataScope scope, int year, UUID supplierId, Double points, String reason) {
		manager(scope);
		supplier(scope, supplierId);
		List<FieldProblem> problems = new ArrayList<>();
		if (points == null || !Double.isFinite(points) || points == 0 || Math.abs(points) > 100
				|| Math.round(points * 100) != points * 100) {
			problems.add(new FieldProblem("points", "assessment.adjustment.points.invalid"));
		}
		String text = Text.stripToNull(reason);
		if (text == null || text.length() > AssessmentRecord.REASON_LIMIT) {
			problems.add(
					new FieldProblem("reason", "assessment.adjustment.reason.required", AssessmentRecord.REASON_LIMIT));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.store.lock(year, supplierId).ifPresent((issued) -> {
			if (issued.status() == AssessmentStatus.FINAL) {
				throw issued.alreadyDecided();
			}
		});
		GovCloudPrincipal who = scope.principal();
		StoredAdjustment adjustment = new StoredAdjustment(UUID.randomUUID(), points, text, who.displayName(), now());
		this.store.adjust(year, supplierId, adjustment, who.userId());
		this.audit.record("assessment.adjust", "assessment " + year + " supplier " + supplierId, AuditOutcome.SUCCESS,
				points + " " + text);
		return adjustment;
	}

	/**
	 * The Commission issues the draft to the supplier, who may object until 10 working
	 * days from today.
	 */
	@Transactional
	public AssessmentRecord issue(DataScope scope, int year, UUID supplierId) {
		manager(scope);
		supplier(scope, supplierId);
		GovCloudPrincipal who = scope.principal();
		UUID id = UUID.randomUUID();
		String number = number(year, id);
		if (!this.store.issue(id, number, year, supplierId, who.displayName(), now(),
				this.calendars.calendar().plusWorkingDays(CityTime.today(), OBJECTION_WORKING_DAYS))) {
			throw new ConflictException("assessment.alreadyIssued", year);
		}
		this.decisions.record(AssessmentStore.LEDGER, id,
				new cn.govcloud.shared.StateChange.History("issued", who.userId(), null, now()));
		this.audit.record("assessment.issue", "assessment " + number, AuditOutcome.SUCCESS);
		return this.store.find(year, supplierId).orElseThrow();
	}

	/** The supplier objects with its reasons within the objection period. */
	@Transactional
	public AssessmentRecord object(DataScope scope, int year, UUID supplierId, String reason) {
		GovCloudPrincipal who = scope.principal();
		if (!who.may(Permission.OBJECT_ASSESSMENTS) || !supplierId.equals(who.organizationId())) {
			throw new NotFoundException("assessment", supplierId);
		}
		AssessmentRecord issued = issued(year, supplierId);
		this.decisions.persist(AssessmentStore.LEDGER,
				issued.object(Text.stripToNull(reason), who.displayName(), who.userId(), now(), CityTime.today()),
				() -> this.store.find(year, supplierId).orElseThrow());
		this.audit.record("assessment.object", "assessment " + issued.number(), AuditOutcome.SUCCESS);
		return this.store.find(year, supplierId).orElseThrow();
	}

	/**
	 * The Commission answers and finalises: the score with the rules' current version,
	 * its ratio and recommendation are fixed. Of two decisions at once one wins.
	 */
	@Transactional
	public AssessmentRecord finalise(DataScope scope, int year, UUID supplierId, String answer) {
		manager(scope);
		supplier(scope, supplierId);
		AssessmentRecord issued = this.store.lock(year, supplierId)
			.orElseThrow(() -> new NotFoundException("assessment", supplierId));
		AssessmentRules applied = this.rules.current(year);
		ScoreCard card = score(applied, records(scope, year, supplierId), this.store.adjustments(year, supplierId));
		GovCloudPrincipal who = scope.principal();
		finalised(issued, Text.stripToNull(answer), applied, card, who.displayName(), who.userId(), now(),
				CityTime.today());
		this.audit.record("assessment.finalise", "assessment " + issued.number(), AuditOutcome.SUCCESS,
				"rules v" + applied.version() + " score " + card.total());
		return this.store.find(year, supplierId).orElseThrow();
	}

	/**
	 * A past year's assessment as it ended without an objection (the world generator's
	 * history of the city): issued at {@code issuedAt} with objections due {@code due},
	 * finalised at {@code decidedAt} by {@code by}, through the same decisions as the
	 * Commission's.
	 * @return false when the supplier has no score for the year or its assessment exists
	 */
	@Transactional
	public boolean settled(DataScope scope, int year, UUID supplierId, UUID actor, String by, Instant issuedAt,
			java.time.LocalDate due, Instant decidedAt) {
		AssessmentRules applied = this.rules.current(year);
		ScoreCard card = score(applied, records(scope, year, supplierId), this.store.adjustments(year, supplierId));
		UUID id = UUID.randomUUID();
		if (card.total() == null || !this.store.issue(id, number(year, id), year, supplierId, by, issuedAt, due)) {
			return false;
		}
		this.decisions.record(AssessmentStore.LEDGER, id,
				new cn.govcloud.shared.StateChange.History("issued", actor, null, issuedAt));
		finalised(this.store.find(year, supplierId).orElseThrow(), null, applied, card, by, actor, decidedAt,
				java.time.LocalDate.ofInstant(decidedAt, CityTime.ZONE));
		return true;
	}

	private void finalised(AssessmentRecord issued, String answer, AssessmentRules applied, ScoreCard card, String by,
			UUID actor, Instant at, java.time.LocalDate today) {
		this.decisions.persist(AssessmentStore.LEDGER, issued.finalise(answer, card, applied, by, actor, at, today),
				() -> this.store.find(issued.year(), issued.supplierId()).orElseThrow());
		this.store.finalLines(issued.id(), card);
	}

	/**
	 * The records behind each indicator: the supplier's and the units it served in the
	 * year.
	 */
	private Map<String, Drilldown> records(DataScope scope, int year, UUID supplierId) {
		return this.measures.of(scope, supplierId, year,
				contracted(scope, year, supplierId).stream().map(ContractYear::unitId).distinct().toList());
	}

	private List<ContractYear> contracted(DataScope scope, int year, UUID supplierId) {
		return this.contracts.of(scope, year)
			.stream()
			.filter((c) -> c.supplierId().equals(supplierId) && c.fees().signum() > 0)
			.toList();
	}

	private static String number(int year, UUID id) {
		return "KH" + year + "-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

	private static ScoreCard score(AssessmentRules rules, Map<String, Drilldown> records,
			List<StoredAdjustment> adjustments) {
		return Scoring.score(rules, Measures.values(records),
				adjustments.stream().map(StoredAdjustment::adjustment).toList());
	}

	private ScoreCard finalCard(AssessmentRules applied, AssessmentRecord issued) {
		Map<String, Indicator> indicators = new java.util.HashMap<>();
		applied.indicators().forEach((indicator) -> indicators.put(indicator.code(), indicator));
		List<ScoreCard.Line> lines = this.store.finalLines(issued.id())
			.stream()
			.map((line) -> new ScoreCard.Line(indicators.get(line.code()), line.value(), line.points(),
					line.effectiveWeight()))
			.toList();
		return new ScoreCard(lines, issued.computed(), issued.adjusted(), issued.total());
	}

	private AssessmentRecord issued(int year, UUID supplierId) {
		return this.store.find(year, supplierId).orElseThrow(() -> new NotFoundException("assessment", supplierId));
	}

	private Organization supplier(DataScope scope, UUID supplierId) {
		if (supplierId == null || scope.supplierParty().filter((own) -> !own.equals(supplierId)).isPresent()) {
			throw new NotFoundException("assessment", supplierId);
		}
		return this.organizations.ofKind(OrganizationKind.SUPPLIER)
			.stream()
			.filter((s) -> s.id().equals(supplierId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("assessment", supplierId));
	}

	private static void manager(DataScope scope) {
		if (!scope.principal().may(Permission.MANAGE_ASSESSMENTS) || !scope.seesAll()) {
			throw new NotFoundException("assessment", null);
		}
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
