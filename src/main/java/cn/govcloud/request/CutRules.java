package cn.govcloud.request;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.catalogue.ResourceKinds.SpecCheck;
import cn.govcloud.request.DecisionForm.LineCut;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * What a reviewer may decide (Art. 8: resources at the reasonable value the system needs
 * to run). A return or a rejection needs its reason; an approval approves every line as
 * requested; an approval with cuts names at least one cut line, and each cut keeps the
 * same kind, asks for no more than was requested (no quantity above it, no spec field
 * above it, the same choices), gives its reason and actually cuts something. Every
 * problem is named at once.
 */
class CutRules {

	private static final Set<Decision> REVIEWER_DECISIONS = EnumSet.of(Decision.APPROVED, Decision.APPROVED_WITH_CUTS,
			Decision.RETURNED, Decision.REJECTED);

	private final Specs specs;

	/**
	 * @param specs checks a spec against its kind, as the catalogue does
	 */
	CutRules(Specs specs) {
		this.specs = specs;
	}

	/**
	 * The approvals the decision makes, line by line (none for a return or a rejection).
	 * @throws InvalidInputException naming every problem
	 */
	Map<UUID, Approval> approvals(List<ApplicationLine> lines, DecisionForm form) {
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
		Map<UUID, Approval> approvals = new LinkedHashMap<>();
		if (form.decision() == Decision.APPROVED || form.decision() == Decision.APPROVED_WITH_CUTS) {
			lines.forEach((line) -> approvals.put(line.id(), Approval.asRequested(line)));
		}
		if (form.decision() == Decision.APPROVED_WITH_CUTS) {
			if (form.cuts().isEmpty()) {
				problems.add(new FieldProblem("cuts", "request.cut.none"));
			}
			for (int i = 0; i < form.cuts().size(); i++) {
				checkCut("cuts[" + i + "]", lines, form.cuts().get(i), approvals, problems);
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

	private void checkCut(String path, List<ApplicationLine> lines, LineCut cut, Map<UUID, Approval> approvals,
			List<FieldProblem> problems) {
		ApplicationLine line = lines.stream()
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

	/** A whole number from 0 (the line cut entirely) to the requested quantity. */
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
		SpecCheck check = this.specs.check(line.kind(), given, path);
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
	 * The catalogue's check of a spec against its kind ({@code ResourceKinds::check}).
	 */
	@FunctionalInterface
	interface Specs {

		SpecCheck check(String kindCode, Map<String, ?> spec, String line);

	}

	/** What the Commission approves of one line, and why it differs from the request. */
	record Approval(Map<String, Object> spec, int quantity, String reason) {

		static Approval asRequested(ApplicationLine line) {
			return new Approval(line.spec(), line.quantity(), null);
		}

	}

}
