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
 * The supplier's yearly emergency drill (Art. 14): planned with its scenario, date and
 * participants, then reported once with the problems found, each followed up.
 */
public record Drill(UUID id, UUID supplierId, String supplierName, int year, String plan, String scenario,
		LocalDate heldOn, String participants, Status status, String report, String decidedBy,
		Instant decidedAt) implements Decidable {

	static final int REPORT_LIMIT = 8000;

	/** The supplier reports the drill held; the report is final. */
	StateChange<DrillReported> report(String text, UUID by, String byName, Instant at) {
		if (this.status != Status.PLANNED) {
			throw alreadyDecided();
		}
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of("report", "error.field.required");
		}
		if (text.strip().length() > REPORT_LIMIT) {
			throw InvalidInputException.of("report", "finding.text.tooLong", REPORT_LIMIT);
		}
		return StateChange.of(this.id, EnumSet.of(Status.PLANNED), Status.REPORTED)
			.set("report", text.strip())
			.decidedBy(byName, at)
			.recorded(Status.REPORTED.name(), by, null, at)
			.announcing(new DrillReported(this.id, this.supplierId, this.year));
	}

	@Override
	public String number() {
		return this.year + " · " + this.scenario;
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable("drill.status." + this.status);
	}

	@Override
	public Refusal refusal() {
		return new Refusal("drill.alreadyReported", "drill.notAwaiting");
	}

	/** Planned, or reported (final). */
	public enum Status {

		PLANNED, REPORTED

	}

	/** A problem the drill found and its follow-up ({@code null} while open). */
	public record Problem(UUID id, int position, String description, String followUp, Instant resolvedAt) {
	}

}
