package cn.govcloud.termination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.Decidable;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.StateChange;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A termination application as its readers see it, and the Commission's decision on it
 * (Art. 9).
 *
 * @param number e.g. {@code ZZ2026-000003}
 * @param instanceIds the instances named (a termination of selected resources)
 * @param withdrawn the numbers of the open applications withdrawn with it
 * @param approvedOn the approval day in city time: no reclaim date before it
 * @param reclaimedOn the last reclaim date, once everything is reclaimed
 */
record Termination(UUID id, String number, UUID unitId, String unitName, UUID systemId, String systemName,
		boolean wholeSystem, List<UUID> instanceIds, LocalDate offlineOn, DataHandling dataHandling,
		String dataLocation, int evidenceVersion, OpenApplications openApplications, String withdrawn, String note,
		TerminationStatus status, String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt,
		LocalDate approvedOn, String returnReason, LocalDate reclaimedOn) implements Decidable {

	private static final Refusal REFUSAL = new Refusal("termination.alreadyDecided", "termination.notAwaiting");

	public Termination {
		instanceIds = List.copyOf(instanceIds);
	}

	/**
	 * The Commission approves the submitted termination (Art. 9: "经市经信委批准后，回收资源"), from
	 * {@code today} on, or returns it with a reason.
	 * @throws ConflictException when it does not await a decision
	 * @throws InvalidInputException without a decision, or a return without its reason
	 */
	StateChange<TerminationDecided> decide(DecisionForm form, UUID by, Instant at, LocalDate today) {
		if (this.status != TerminationStatus.SUBMITTED) {
			throw alreadyDecided();
		}
		check(form);
		boolean approve = form.decision() == TerminationDecision.APPROVED;
		return StateChange
			.of(this.id, EnumSet.of(TerminationStatus.SUBMITTED),
					approve ? TerminationStatus.APPROVED : TerminationStatus.RETURNED)
			.set("return_reason", approve ? null : form.reason())
			.decidedBy(by, at)
			.set("approved_on", approve ? today : null)
			.announcing(new TerminationDecided(this.id, this.number, this.unitId, this.systemName, form.decision(),
					form.reason()));
	}

	private static void check(DecisionForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form == null || form.decision() == null) {
			throw InvalidInputException.of("decision", "error.field.required");
		}
		if (form.decision() == TerminationDecision.RETURNED && form.reason() == null) {
			problems.add(new FieldProblem("reason", "termination.reason.required"));
		}
		if (form.reason() != null && form.reason().length() > 2000) {
			problems.add(new FieldProblem("reason", "error.field.size", 1, 2000));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable("termination.status." + this.status);
	}

	@Override
	public Refusal refusal() {
		return REFUSAL;
	}

}
