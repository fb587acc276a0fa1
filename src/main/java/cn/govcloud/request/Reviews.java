package cn.govcloud.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.request.DecisionForm.LineCut;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Commission's review (Art. 8): approve, approve with cuts (per line the approved
 * spec and quantity and the reason, kept beside the request forever), return for
 * revision, or reject. Two reviewers deciding at once: exactly one decision wins; the
 * other is told who decided first.
 */
@Service
public class Reviews {

	private static final Set<Decision> REVIEWER_DECISIONS = EnumSet.of(Decision.APPROVED, Decision.APPROVED_WITH_CUTS,
			Decision.RETURNED, Decision.REJECTED);

	private final ApplicationRepository repository;

	private final ResourceApplications applications;

	private final ResourceKinds kinds;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	Reviews(ApplicationRepository repository, ResourceApplications applications, ResourceKinds kinds, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.applications = applications;
		this.kinds = kinds;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public ResourceApplication decide(DataScope scope, UUID id, DecisionForm form) {
		ResourceApplication application = this.applications.find(scope, id);
		if (application.status() != ApplicationStatus.SUBMITTED) {
			throw alreadyDecided(application);
		}
		Map<UUID, Approval> approvals = check(application, form);
		Instant now = Instant.now();
		ApplicationStatus to = switch (form.decision()) {
			case RETURNED -> ApplicationStatus.RETURNED;
			case REJECTED -> ApplicationStatus.REJECTED;
			default -> ApplicationStatus.APPROVED;
		};
		UUID reviewer = scope.principal().userId();
		if (!this.repository.decide(id, to, form.decision(), form.reason(), reviewer, now)) {
			throw alreadyDecided(this.repository.findById(id).orElseThrow());
		}
		approvals.forEach((lineId, approval) -> this.repository.approveLine(lineId, approval.spec(),
				approval.quantity(), approval.reason()));
		this.repository.event(id, reviewer, form.decision().name(), form.reason(), now);
		this.audit.record("application.decide", ResourceApplications.describe(application), AuditOutcome.SUCCESS,
				form.decision() + ((form.reason() != null) ? ": " + form.reason() : ""));
		this.events.publishEvent(new ApplicationDecided(id, application.number(), application.unitId(),
				application.createdById(), application.systemName(), form.decision(), form.reason()));
		return this.repository.findById(id).orElseThrow();
	}

	/**
	 * The approvals the decision makes, line by line, or an exception naming every
	 * problem.
	 */
	private Map<UUID, Approval> check(ResourceApplication application, DecisionForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.decision() == null || !REVIEWER_DECISIONS.contains(form.decision())) {
			throw InvalidInputException.of("decision", "request.decision.invalid");
		}
		boolean needsReason = form.decision() == Decision.RETURNED || form.decision() == Decision.REJECTED;
		if (needsReason && form.reason() == null) {
			problems.add(new FieldProblem("reason", "request.reason.required"));
		}
		if (form.reason() != null && form.reason().length() > 2000) {
			problems.add(new FieldProblem("reason", "error.field.size", 1, 2000));
		}
		Map<UUID, Approval> approvals = new HashMap<>();
		if (form.decision() == Decision.APPROVED || form.decision() == Decision.APPROVED_WITH_CUTS) {
			application.lines()
				.forEach((line) -> approvals.put(line.id(), new Approval(line.spec(), line.quantity(), null)));
		}
		if (form.decision() == Decision.APPROVED_WITH_CUTS) {
			if (form.cuts().isEmpty()) {
				problems.add(new FieldProblem("cuts", "request.cut.none"));
			}
			for (int i = 0; i < form.cuts().size(); i++) {
				checkCut("cuts[" + i + "]", application, form.cuts().get(i), approvals, problems);
			}
		}
		else if (!form.cuts().isEmpty()) {
			problems.add(new FieldProblem("cuts", "request.cut.onlyWithCuts"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return approvals;
	}

	private void checkCut(String path, ResourceApplication application, LineCut cut, Map<UUID, Approval> approvals,
			List<FieldProblem> problems) {
		ApplicationLine line = application.lines()
			.stream()
			.filter((candidate) -> candidate.id().equals(cut.lineId()))
			.findFirst()
			.orElse(null);
		if (line == null) {
			problems.add(new FieldProblem(path + ".lineId", "request.cut.unknownLine"));
			return;
		}
		int before = problems.size();
		Integer quantity = approvedQuantity(path + ".approvedQuantity", cut.approvedQuantity(), line, problems);
		Map<String, Object> spec = line.spec();
		if (cut.approvedSpec() != null && !cut.approvedSpec().isEmpty()) {
			spec = approvedSpec(path, line, cut.approvedSpec(), problems);
		}
		if (cut.reason() == null) {
			problems.add(new FieldProblem(path + ".reason", "request.cut.reason"));
		}
		if (problems.size() == before && quantity != null && quantity == line.quantity() && spec.equals(line.spec())) {
			problems.add(new FieldProblem(path + ".approvedQuantity", "request.cut.nothingCut"));
		}
		if (problems.size() == before) {
			approvals.put(line.id(), new Approval(spec, quantity, cut.reason()));
		}
	}

	private static Integer approvedQuantity(String field, BigDecimal value, ApplicationLine line,
			List<FieldProblem> problems) {
		if (value == null) {
			return line.quantity();
		}
		if (value.stripTrailingZeros().scale() > 0 || value.signum() < 0
				|| value.compareTo(BigDecimal.valueOf(line.quantity())) > 0) {
			problems.add(new FieldProblem(field, "request.cut.quantity", line.quantity()));
			return null;
		}
		return value.intValueExact();
	}

	/**
	 * A cut spec is a valid spec of the same kind, no field above the request, the same
	 * choices.
	 */
	private Map<String, Object> approvedSpec(String path, ApplicationLine line, Map<String, Object> given,
			List<FieldProblem> problems) {
		ResourceKinds.SpecCheck check = this.kinds.check(line.kind(), given, path);
		problems.addAll(check.problems());
		check.spec().forEach((name, value) -> {
			Object requested = line.spec().get(name);
			boolean above = value instanceof Long approved && requested instanceof Number asked
					&& approved > asked.longValue();
			boolean changedChoice = value instanceof String && !value.equals(requested);
			if (above || changedChoice) {
				problems.add(new FieldProblem(path + ".spec." + name, "request.cut.spec", requested));
			}
		});
		return check.spec();
	}

	/**
	 * The refusal for a decision that came too late: who decided first, when, and how.
	 */
	static ConflictException alreadyDecided(ResourceApplication application) {
		if (application.decidedBy() == null) {
			return new ConflictException("request.notAwaiting", application.number(),
					new DefaultMessageSourceResolvable("status." + application.status()));
		}
		return new ConflictException("request.alreadyDecided", application.number(), application.decidedBy(),
				cn.govcloud.shared.CityTime.minutes(application.decidedAt()),
				new DefaultMessageSourceResolvable("decision." + application.decision()));
	}

	private record Approval(Map<String, Object> spec, int quantity, String reason) {
	}

}
