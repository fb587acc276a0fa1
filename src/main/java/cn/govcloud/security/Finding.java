package cn.govcloud.security;

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
 * A finding of a security inspection and its rectification (Art. 14): the responsible
 * party — the unit, or a supplier — responds with what it did; the Commission verifies it
 * (closed) or returns it. Closed, never deleted. Each step returns its
 * {@link StateChange}, persisted only if nobody decided first (ADR 0015).
 *
 * @param supplierId the responsible supplier, {@code null} when the unit is responsible
 */
public record Finding(UUID id, String number, UUID inspectionId, FindingSeverity severity, UUID systemId,
		String systemName, UUID unitId, Responsible responsible, UUID supplierId, String description,
		LocalDate deadline, FindingStatus status, String response, Instant respondedAt, String respondedByName,
		String decidedBy, Instant decidedAt, String decisionReason, Instant createdAt) implements Decidable {

	static final int TEXT_LIMIT = 4000;

	/** Whether the deadline passed on {@code today} with the finding still not closed. */
	public boolean overdue(LocalDate today) {
		return this.status != FindingStatus.CLOSED && today.isAfter(this.deadline);
	}

	/** The organisation that rectifies: the unit or the named supplier. */
	public UUID responsibleParty() {
		return (this.responsible == Responsible.SUPPLIER) ? this.supplierId : this.unitId;
	}

	/** The responsible party says what it did (again after a return). */
	StateChange<FindingDecided> respond(String text, UUID by, String byName, Instant at) {
		if (this.status != FindingStatus.OPEN) {
			throw alreadyDecided();
		}
		String what = required("response", text);
		return StateChange.of(this.id, EnumSet.of(FindingStatus.OPEN), FindingStatus.RESPONDED)
			.set("response", what)
			.set("responded_at", at)
			.set("responded_by_name", byName)
			.recorded(FindingStatus.RESPONDED.name(), by, what, at)
			.announcing(decided(FindingStatus.RESPONDED));
	}

	/** The Commission verifies the rectification: the finding is closed. */
	StateChange<FindingDecided> verify(UUID by, String byName, Instant at) {
		return decide(FindingStatus.CLOSED, "VERIFIED", by, byName, at, null);
	}

	/** The Commission returns the rectification with its reason: open again. */
	StateChange<FindingDecided> giveBack(String reason, UUID by, String byName, Instant at) {
		return decide(FindingStatus.OPEN, "RETURNED", by, byName, at, required("reason", reason));
	}

	private StateChange<FindingDecided> decide(FindingStatus to, String action, UUID by, String byName, Instant at,
			String reason) {
		if (this.status != FindingStatus.RESPONDED) {
			throw alreadyDecided();
		}
		return StateChange.of(this.id, EnumSet.of(FindingStatus.RESPONDED), to)
			.decidedBy(byName, at)
			.set("decision_reason", reason)
			.recorded(action, by, reason, at)
			.announcing(decided(to));
	}

	private FindingDecided decided(FindingStatus to) {
		return new FindingDecided(this.id, this.number, this.systemId, this.unitId, this.supplierId, this.severity, to);
	}

	private static String required(String field, String text) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of(field, "error.field.required");
		}
		if (text.strip().length() > TEXT_LIMIT) {
			throw InvalidInputException.of(field, "finding.text.tooLong", TEXT_LIMIT);
		}
		return text.strip();
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable("finding.status." + this.status);
	}

	@Override
	public Refusal refusal() {
		return new Refusal("finding.alreadyDecided", "finding.notAwaiting");
	}

}
