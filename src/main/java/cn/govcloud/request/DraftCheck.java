package cn.govcloud.request;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.request.ApplicationDraft.LineDraft;
import cn.govcloud.request.ApplicationRepository.CheckedLine;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.systems.ConstructionPlans;

import org.springframework.stereotype.Component;

/**
 * The rules an application's content follows (Art. 6, 8): lines of offered kinds with
 * specs in range, whole positive quantities, a justification for each; the construction
 * plan version it relies on; decreases only in change applications and never beyond what
 * is approved.
 */
@Component
class DraftCheck {

	static final int MAX_LINES = 100;

	static final int MAX_QUANTITY = 100_000;

	private final ResourceKinds kinds;

	private final ConstructionPlans plans;

	DraftCheck(ResourceKinds kinds, ConstructionPlans plans) {
		this.kinds = kinds;
		this.plans = plans;
	}

	/** The checked lines, or an exception naming every problem. */
	List<CheckedLine> check(ApplicationDraft draft, ApplicationType type, Allocation allocated) {
		List<FieldProblem> problems = new ArrayList<>();
		if (draft.planVersion() == null && type == ApplicationType.NEW) {
			problems.add(new FieldProblem("planVersion", "request.plan.required"));
		}
		else if (draft.planVersion() != null && this.plans.version(draft.systemId(), draft.planVersion()).isEmpty()) {
			problems.add(new FieldProblem("planVersion", "request.plan.unknown", draft.planVersion()));
		}
		if (draft.summary() != null && draft.summary().length() > 500) {
			problems.add(new FieldProblem("summary", "error.field.size", 0, 500));
		}
		if (draft.lines().isEmpty() || draft.lines().size() > MAX_LINES) {
			problems.add(new FieldProblem("lines", "request.lines.count", MAX_LINES));
		}
		List<CheckedLine> checked = new ArrayList<>();
		for (int i = 0; i < draft.lines().size() && i < MAX_LINES; i++) {
			CheckedLine line = checkLine("lines[" + i + "]", draft.lines().get(i), type, allocated, problems);
			if (line != null) {
				checked.add(line);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return checked;
	}

	private CheckedLine checkLine(String path, LineDraft line, ApplicationType type, Allocation allocated,
			List<FieldProblem> problems) {
		int before = problems.size();
		if (line == null) {
			problems.add(new FieldProblem(path, "error.field.required"));
			return null;
		}
		ResourceKinds.SpecCheck spec = this.kinds.check(line.kind(), line.spec(), path);
		problems.addAll(spec.problems());
		Integer quantity = quantity(path + ".quantity", line.quantity(), problems);
		if (line.justification() == null || line.justification().isEmpty()) {
			problems.add(new FieldProblem(path + ".justification", "request.justification.required"));
		}
		else if (line.justification().length() > 2000) {
			problems.add(new FieldProblem(path + ".justification", "error.field.size", 1, 2000));
		}
		if (line.direction() == LineDirection.DECREASE) {
			checkDecrease(path, line, type, spec.spec(), quantity, allocated, problems);
		}
		if (problems.size() > before) {
			return null;
		}
		return new CheckedLine(line.kind(), line.direction(), spec.spec(), quantity, line.justification());
	}

	private static void checkDecrease(String path, LineDraft line, ApplicationType type, Map<String, Object> spec,
			Integer quantity, Allocation allocated, List<FieldProblem> problems) {
		if (type != ApplicationType.CHANGE) {
			problems.add(new FieldProblem(path + ".direction", "request.decrease.newApplication"));
			return;
		}
		long held = allocated.quantity(line.kind(), spec);
		if (quantity != null && quantity > held) {
			problems.add(new FieldProblem(path + ".quantity", "request.decrease.beyondApproved", quantity, held));
		}
	}

	/**
	 * A whole number from 1 to {@value #MAX_QUANTITY}; zero, negatives and fractions are
	 * refused by name.
	 */
	static Integer quantity(String field, BigDecimal value, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "error.field.required"));
			return null;
		}
		if (value.stripTrailingZeros().scale() > 0) {
			problems.add(new FieldProblem(field, "request.quantity.whole"));
			return null;
		}
		if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
			problems.add(new FieldProblem(field, "request.quantity.range", MAX_QUANTITY));
			return null;
		}
		return value.intValueExact();
	}

}
