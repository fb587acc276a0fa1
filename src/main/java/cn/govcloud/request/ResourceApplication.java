package cn.govcloud.request;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.request.CutRules.Approval;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.Decidable;
import cn.govcloud.shared.StateChange;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A resource application as its readers see it, and the state changes it goes through:
 * submitted by its unit (Art. 6), decided by the Commission (Art. 8), withdrawn. Each
 * change guards where the application stands and returns what {@code Decisions} persists.
 *
 * @param number the human-readable number, e.g. {@code ZY2026-000042}
 * @param revision how many times it has been submitted
 * @param planVersion the construction plan version it relies on (Art. 6)
 */
public record ResourceApplication(UUID id, String number, UUID systemId, String systemName, UUID unitId,
		String unitName, ApplicationType type, ApplicationStatus status, int revision, Integer planVersion,
		String summary, UUID createdById, String createdBy, Instant createdAt, Instant submittedAt, Instant decidedAt,
		String decidedBy, Decision decision, String decisionReason, List<ApplicationLine> lines) implements Decidable {

	private static final Refusal REFUSAL = new Refusal("request.alreadyDecided", "request.notAwaiting");

	public ResourceApplication {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	public ResourceApplication withLines(List<ApplicationLine> newLines) {
		return new ResourceApplication(this.id, this.number, this.systemId, this.systemName, this.unitId, this.unitName,
				this.type, this.status, this.revision, this.planVersion, this.summary, this.createdById, this.createdBy,
				this.createdAt, this.submittedAt, this.decidedAt, this.decidedBy, this.decision, this.decisionReason,
				newLines);
	}

	/**
	 * The unit submits a draft or a returned application to the Commission (Art. 6): a
	 * new revision, and the previous decision cleared. An application that only gives
	 * resources back announces nothing: it is approved at once
	 * ({@link #approveDecreases}).
	 */
	StateChange<ApplicationSubmitted> submit(UUID by, Instant at) {
		requireEditable();
		int next = this.revision + 1;
		StateChange<ApplicationSubmitted> change = StateChange
			.of(this.id, EnumSet.of(this.status), ApplicationStatus.SUBMITTED)
			.set("revision", next)
			.set("submitted_at", at)
			.set("decision", null)
			.set("decision_reason", null)
			.decidedBy(null, null)
			.recorded((next == 1) ? "SUBMITTED" : "RESUBMITTED", by, null, at)
			.announcing(
					new ApplicationSubmitted(this.id, this.number, this.unitId, this.unitName, this.systemName, next));
		return onlyDecreases() ? change.announcing(null) : change;
	}

	/**
	 * The Commission's decision on a submitted application (Art. 8): approve, approve
	 * with cuts, return for revision or reject, within the {@link CutRules}.
	 * @throws ConflictException when it does not await a decision (decided already, or
	 * withdrawn)
	 */
	Decided decide(DecisionForm form, CutRules rules, UUID reviewer, Instant at) {
		if (this.status != ApplicationStatus.SUBMITTED) {
			throw alreadyDecided();
		}
		Map<UUID, Approval> approvals = rules.approvals(this.lines, form);
		ApplicationStatus to = switch (form.decision()) {
			case RETURNED -> ApplicationStatus.RETURNED;
			case REJECTED -> ApplicationStatus.REJECTED;
			default -> ApplicationStatus.APPROVED;
		};
		return new Decided(decision(to, form.decision(), form.reason(), reviewer, at), approvals);
	}

	/**
	 * A change application that only gives resources back is approved as submitted,
	 * without a reviewer (Art. 8: surplus resources are released).
	 */
	Decided approveDecreases(Instant at) {
		if (!onlyDecreases()) {
			throw new IllegalStateException(this.number + " asks for more: the Commission decides it");
		}
		Map<UUID, Approval> approvals = new LinkedHashMap<>();
		this.lines.forEach((line) -> approvals.put(line.id(), Approval.asRequested(line)));
		return new Decided(decision(ApplicationStatus.APPROVED, Decision.AUTO_APPROVED, null, null, at), approvals);
	}

	/**
	 * The unit takes its application back before a decision; a decision that came first
	 * wins.
	 */
	StateChange<Void> withdraw(UUID by, Instant at) {
		if (this.status.fin()) {
			throw alreadyDecided();
		}
		return StateChange.of(this.id, EnumSet.of(this.status), ApplicationStatus.WITHDRAWN)
			.recorded("WITHDRAWN", by, null, at);
	}

	/** Only a draft or a returned application may change or be submitted. */
	void requireEditable() {
		if (!this.status.editable()) {
			throw new ConflictException("request.notEditable", this.number,
					new DefaultMessageSourceResolvable("status." + this.status));
		}
	}

	/** A change application whose every line gives resources back. */
	boolean onlyDecreases() {
		return this.type == ApplicationType.CHANGE
				&& this.lines.stream().allMatch((line) -> line.direction() == LineDirection.DECREASE);
	}

	private StateChange<ApplicationDecided> decision(ApplicationStatus to, Decision how, String reason, UUID by,
			Instant at) {
		return StateChange.of(this.id, EnumSet.of(ApplicationStatus.SUBMITTED), to)
			.set("decision", how)
			.set("decision_reason", reason)
			.decidedBy(by, at)
			.recorded(how.name(), by, reason, at)
			.announcing(new ApplicationDecided(this.id, this.number, this.unitId, this.createdById, this.systemName,
					how, reason));
	}

	/** How it was decided, or where it stands when nobody decided it. */
	@Override
	public MessageSourceResolvable outcome() {
		return (this.decidedBy == null) ? new DefaultMessageSourceResolvable("status." + this.status)
				: new DefaultMessageSourceResolvable("decision." + this.decision);
	}

	@Override
	public Refusal refusal() {
		return REFUSAL;
	}

	/** A decision: the change of the application, and what it approves line by line. */
	record Decided(StateChange<ApplicationDecided> change, Map<UUID, Approval> approvals) {
	}

}
