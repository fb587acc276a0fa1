package cn.govcloud.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import cn.govcloud.shared.Decidable;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A supplier's assessment of a year once the Commission has issued it (Art. 19), and the
 * decisions on it: the supplier objects with reasons until the objection is due (10
 * working days); the Commission answers and finalises, fixing the score, the rules
 * version and the payment ratio. Of two decisions at once one wins ({@code Decisions}).
 *
 * @param objectionDue the last day the supplier may object
 * @param total the final score (computed + adjusted, within 0–100); null until final
 */
public record AssessmentRecord(UUID id, String number, int year, UUID supplierId, AssessmentStatus status,
		String issuedBy, Instant issuedAt, LocalDate objectionDue, String objectionReason, String objectedBy,
		Instant objectedAt, String answer, String decidedBy, Instant decidedAt, Integer rulesVersion, Double computed,
		Double adjusted, Double total, Integer ratioPercent, Boolean continues) implements Decidable {

	private static final Refusal REFUSAL = new Refusal("assessment.alreadyDecided", "assessment.notAwaiting");

	static final int REASON_LIMIT = 2000;

	/** The supplier objects with its reasons, on or before the due day. */
	StateChange<Void> object(String reason, String by, UUID actor, Instant at, LocalDate today) {
		if (this.status != AssessmentStatus.ISSUED) {
			throw alreadyDecided();
		}
		if (today.isAfter(this.objectionDue)) {
			throw InvalidInputException.of("reason", "assessment.objection.late", this.objectionDue);
		}
		if (reason == null || reason.length() > REASON_LIMIT) {
			throw InvalidInputException.of("reason", "error.field.size", 1, REASON_LIMIT);
		}
		return StateChange.of(this.id, EnumSet.of(AssessmentStatus.ISSUED), AssessmentStatus.OBJECTED)
			.set("objection_reason", reason)
			.set("objected_by", by)
			.set("objected_at", at)
			.decidedBy(by, at)
			.recorded("objected", actor, reason, at);
	}

	/**
	 * The Commission finalises: after an objection with its answer; without one once the
	 * objection period is over.
	 */
	StateChange<Void> finalise(String answer, ScoreCard card, AssessmentRules rules, String by, UUID actor, Instant at,
			LocalDate today) {
		if (this.status == AssessmentStatus.FINAL) {
			throw alreadyDecided();
		}
		if (this.status == AssessmentStatus.ISSUED && !today.isAfter(this.objectionDue)) {
			throw InvalidInputException.of("answer", "assessment.objection.running", this.objectionDue);
		}
		if (this.status == AssessmentStatus.OBJECTED && answer == null) {
			throw InvalidInputException.of("answer", "assessment.answer.required");
		}
		if (answer != null && answer.length() > REASON_LIMIT) {
			throw InvalidInputException.of("answer", "error.field.size", 1, REASON_LIMIT);
		}
		if (card.total() == null) {
			throw InvalidInputException.of("answer", "assessment.noScore");
		}
		PaymentTable.Band band = rules.payments().bandOf(card.total());
		return StateChange.of(this.id, EnumSet.of(this.status), AssessmentStatus.FINAL)
			.set("answer", answer)
			.set("rules_version", rules.version())
			.set("computed", card.computed())
			.set("adjusted", card.adjusted())
			.set("total", card.total())
			.set("ratio_percent", band.ratioPercent())
			.set("continues", band.continues())
			.decidedBy(by, at)
			.recorded("finalised", actor, answer, at);
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable("assessment.status." + this.status);
	}

	@Override
	public Refusal refusal() {
		return REFUSAL;
	}

}
