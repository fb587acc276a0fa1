package cn.govcloud.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import cn.govcloud.shared.Decidable;
import cn.govcloud.shared.StateChange;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One periodic obligation of a supplier (Art. 11, 12, 14, 16): submitted by the supplier
 * (a document and a note, or for the monthly report the report itself), accepted or
 * returned with a reason by the Commission.
 *
 * @param unitId the unit of a monthly report, else {@code null}
 * @param lateDays working days late ({@link ObligationRule#workingDaysLate}), 0 while
 * open
 */
public record Obligation(UUID id, ObligationKind kind, UUID supplierId, String supplierName, UUID unitId,
		String unitName, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn, ObligationStatus status,
		Instant submittedAt, String note, String documentName, UUID reportId, String decidedBy, Instant decidedAt,
		String returnReason, int lateDays) implements Decidable {

	/** The supplier submits a document and a note (again after a return). */
	StateChange<Void> submit(UUID by, String byName, Instant at, String note, String fileName, byte[] content) {
		if (this.status != ObligationStatus.OPEN && this.status != ObligationStatus.RETURNED) {
			throw alreadyDecided();
		}
		return StateChange
			.of(this.id, EnumSet.of(ObligationStatus.OPEN, ObligationStatus.RETURNED), ObligationStatus.SUBMITTED)
			.set("submitted_at", at)
			.set("submitted_by", by)
			.set("note", note)
			.set("document_name", fileName)
			.set("document", content)
			.decidedBy(byName, at)
			.recorded("SUBMITTED", by, note, at);
	}

	/** The Commission accepts what was submitted. */
	StateChange<Void> accept(UUID by, String byName, Instant at) {
		return decide(ObligationStatus.ACCEPTED, by, byName, at, null);
	}

	/** The Commission returns it with a reason; the supplier submits again. */
	StateChange<Void> giveBack(UUID by, String byName, Instant at, String reason) {
		return decide(ObligationStatus.RETURNED, by, byName, at, reason).set("return_reason", reason);
	}

	private StateChange<Void> decide(ObligationStatus to, UUID by, String byName, Instant at, String reason) {
		if (this.status != ObligationStatus.SUBMITTED) {
			throw alreadyDecided();
		}
		return StateChange.of(this.id, EnumSet.of(ObligationStatus.SUBMITTED), to)
			.decidedBy(byName, at)
			.recorded(to.name(), by, reason, at);
	}

	/** On time: submitted on or before the due day (and not returned since). */
	public boolean onTime() {
		return (this.status == ObligationStatus.SUBMITTED || this.status == ObligationStatus.ACCEPTED)
				&& this.lateDays == 0;
	}

	@Override
	public String number() {
		return this.kind + " " + this.periodStart;
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable("obligation.status." + this.status);
	}

	@Override
	public Refusal refusal() {
		return new Refusal("obligation.alreadyDecided", "obligation.notAwaiting");
	}

}
