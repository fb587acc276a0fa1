package cn.govcloud.systems;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.Decidable;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;
import cn.govcloud.shared.Text;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A unit's request that the Commission exempt a self-hosted system from migration (Art.
 * 3), with the legal basis and the version of the supporting document it relies on; and
 * the decision on it: granted or refused by the Commission, or withdrawn when the system
 * leaves self-hosting first.
 *
 * @param decidedBy who granted or refused it, or whose change of the system withdrew it
 */
record ExemptionRequest(UUID id, UUID systemId, String systemName, UUID unitId, String unitName, String basis,
		int documentVersion, ExemptionState state, String requestedBy, Instant requestedAt, String decidedBy,
		Instant decidedAt, String decisionReason) implements Decidable {

	private static final Refusal REFUSAL = new Refusal("system.exemption.decided", "system.exemption.notAwaiting");

	public boolean pending() {
		return this.state == ExemptionState.PENDING;
	}

	/**
	 * The Commission grants the request (Art. 3: "法律、法规、规章或国家文件明确规定的除外"): the system
	 * becomes exempt on the basis the unit cited.
	 * @param by the decider's name
	 * @throws ConflictException when it was decided (or withdrawn) already
	 */
	StateChange<ExemptionDecided> grant(String by, Instant at, String note) {
		return decide(ExemptionState.GRANTED, by, at, checkedReason(note, false));
	}

	/**
	 * The Commission refuses the request, with a reason: the system stays self-hosted.
	 */
	StateChange<ExemptionDecided> refuse(String by, Instant at, String reason) {
		return decide(ExemptionState.REFUSED, by, at, checkedReason(reason, true));
	}

	/**
	 * The system left self-hosting before the Commission decided: the request is moot.
	 */
	StateChange<ExemptionDecided> withdraw(String by, Instant at) {
		requirePending();
		return decide(ExemptionState.WITHDRAWN, by, at, null);
	}

	private StateChange<ExemptionDecided> decide(ExemptionState to, String by, Instant at, String reason) {
		return StateChange.of(this.id, EnumSet.of(ExemptionState.PENDING), to)
			.decidedBy(by, at)
			.set("decision_reason", reason)
			.announcing(new ExemptionDecided(this.id, this.systemId, this.unitId, to, by, reason));
	}

	private void requirePending() {
		if (!pending()) {
			throw alreadyDecided();
		}
	}

	private String checkedReason(String reason, boolean required) {
		requirePending();
		if (required && (reason == null || reason.isBlank())) {
			throw InvalidInputException.of("reason", "system.reason.required");
		}
		if (reason != null && reason.strip().length() > HostingStatusPolicy.MAX_REASON) {
			throw InvalidInputException.of("reason", "system.field.tooLong", HostingStatusPolicy.MAX_REASON);
		}
		return Text.stripToNull(reason);
	}

	/** Requests have no number of their own: the system's name stands for it. */
	@Override
	public String number() {
		return this.systemName;
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable(new String[] { "system.exemption.state." + this.state },
				this.state.name());
	}

	@Override
	public Refusal refusal() {
		return REFUSAL;
	}

}
