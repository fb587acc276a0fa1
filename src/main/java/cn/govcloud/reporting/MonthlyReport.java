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
 * One version of a supplier's monthly report to a unit (Art. 12): GovCloud drafts it, the
 * supplier adds its narrative and suggestions and submits it, the unit acknowledges it.
 *
 * @param month the first day of the month reported on
 * @param decidedBy who submitted it, then who acknowledged it (a name)
 */
public record MonthlyReport(UUID id, String number, UUID unitId, String unitName, UUID supplierId, String supplierName,
		LocalDate month, int version, ReportStatus status, String narrative, String suggestions, LocalDate dueOn,
		Instant draftedAt, Instant submittedAt, String decidedBy, Instant decidedAt) implements Decidable {

	/**
	 * Art. 12: the supplier gives the unit its monthly report; late when submitted after
	 * the due day (city time).
	 */
	StateChange<ReportSubmitted> submit(UUID by, String byName, Instant at, LocalDate today) {
		if (this.status != ReportStatus.DRAFT) {
			throw alreadyDecided();
		}
		return StateChange.of(this.id, EnumSet.of(ReportStatus.DRAFT), ReportStatus.SUBMITTED)
			.set("submitted_at", at)
			.set("submitted_by", by)
			.decidedBy(byName, at)
			.recorded("SUBMITTED", by, null, at)
			.announcing(new ReportSubmitted(this.id, this.number, this.unitId, this.supplierId, this.month,
					today.isAfter(this.dueOn)));
	}

	/** Art. 12: the unit confirms it received the report. */
	StateChange<ReportAcknowledged> acknowledge(UUID by, String byName, Instant at) {
		if (this.status != ReportStatus.SUBMITTED) {
			throw alreadyDecided();
		}
		return StateChange.of(this.id, EnumSet.of(ReportStatus.SUBMITTED), ReportStatus.ACKNOWLEDGED)
			.decidedBy(byName, at)
			.recorded("ACKNOWLEDGED", by, null, at)
			.announcing(new ReportAcknowledged(this.id, this.number, this.unitId, this.supplierId, this.month));
	}

	/** The month as people write it, e.g. 2026-11. */
	public String period() {
		return this.month.toString().substring(0, 7);
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable("report.status." + this.status);
	}

	@Override
	public Refusal refusal() {
		return new Refusal("report.alreadyDecided", "report.notAwaiting");
	}

}
