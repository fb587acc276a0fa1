package cn.govcloud.contract;

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
 * The contract row without lines, versions or payments, and the steps of Art. 7 it goes
 * through: revised and signed by its unit, submitted for filing, filed or returned by the
 * Commission. Each step guards where the contract stands and returns what
 * {@code Decisions} persists.
 */
record StoredContract(UUID id, String number, String contractCode, UUID unitId, String unitName, UUID supplierId,
		String supplierName, UUID systemId, String systemName, UUID applicationId, String applicationNumber,
		ContractStatus status, LocalDate termStart, LocalDate termEnd, LocalDate signedOn, int version,
		boolean signedDocument, String createdBy, Instant createdAt, Instant submittedAt, Instant decidedAt,
		String decidedBy, String returnReason) implements Decidable {

	private static final Refusal REFUSAL = new Refusal("contract.alreadyDecided", "contract.notNow");

	/**
	 * New terms or lines before filing: a signed or returned contract is a draft again.
	 */
	StateChange<Void> revise() {
		if (!this.status.editable()) {
			throw notNow();
		}
		return StateChange.of(this.id, EnumSet.of(this.status), ContractStatus.DRAFT);
	}

	/**
	 * The unit records that both parties signed (Art. 7: "签订服务外包合同"): on a day not in the
	 * future, with the signed contract as a PDF.
	 * @throws ConflictException once submitted
	 * @throws InvalidInputException naming the date or the file
	 */
	StateChange<Void> sign(LocalDate signedOn, byte[] pdf, LocalDate today, UUID by, Instant at) {
		if (this.status != ContractStatus.DRAFT && this.status != ContractStatus.RETURNED) {
			throw notNow();
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (signedOn == null) {
			problems.add(new FieldProblem("signedOn", "error.field.required"));
		}
		else if (signedOn.isAfter(today)) {
			problems.add(new FieldProblem("signedOn", "contract.signedOn.future"));
		}
		if (!SignedPdf.looksLikePdf(pdf)) {
			problems.add(new FieldProblem("file", "contract.pdf.invalid"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return StateChange.of(this.id, EnumSet.of(this.status), ContractStatus.SIGNED)
			.set("signed_on", signedOn)
			.recorded("SIGNED", by, null, at);
	}

	/**
	 * The unit submits the signed contract for filing with the Commission (Art. 7:
	 * "及时向市经信委备案"); a previous return is cleared.
	 */
	StateChange<ContractSubmitted> submit(UUID by, Instant at) {
		if (this.status != ContractStatus.SIGNED) {
			throw notNow();
		}
		return StateChange.of(this.id, EnumSet.of(ContractStatus.SIGNED), ContractStatus.SUBMITTED)
			.set("submitted_at", at)
			.decidedBy(null, null)
			.set("return_reason", null)
			.recorded("SUBMITTED", by, null, at)
			.announcing(new ContractSubmitted(this.id, this.number, this.unitName));
	}

	/**
	 * The Commission files the submitted contract (Art. 7): in force from its start, so
	 * active at once when the term has begun.
	 * @throws ConflictException when it does not await filing
	 */
	StateChange<ContractFiled> file(LocalDate today, UUID by, Instant at) {
		requireAwaiting();
		ContractStatus to = this.termStart.isAfter(today) ? ContractStatus.FILED : ContractStatus.ACTIVE;
		return decision(to, null, by, at).recorded("FILED", by, null, at)
			.announcing(new ContractFiled(this.id, this.number, this.unitId, this.supplierId, this.systemId,
					this.termStart, this.termEnd));
	}

	/**
	 * The Commission returns the submitted contract to its unit with a reason (Art. 7).
	 * @throws InvalidInputException without a reason
	 * @throws ConflictException when it does not await filing
	 */
	StateChange<ContractReturned> returnToUnit(String reason, UUID by, Instant at) {
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			throw InvalidInputException.of("reason", "contract.return.reason");
		}
		requireAwaiting();
		String why = reason.strip();
		return decision(ContractStatus.RETURNED, why, by, at).recorded("RETURNED", by, why, at)
			.announcing(new ContractReturned(this.id, this.number, this.unitId, why));
	}

	private void requireAwaiting() {
		if (this.status != ContractStatus.SUBMITTED) {
			throw alreadyDecided();
		}
	}

	private StateChange<Void> decision(ContractStatus to, String reason, UUID by, Instant at) {
		return StateChange.of(this.id, EnumSet.of(ContractStatus.SUBMITTED), to)
			.set("return_reason", reason)
			.decidedBy(by, at);
	}

	/** The refusal of a step the contract's status does not allow. */
	ConflictException notNow() {
		return new ConflictException(REFUSAL.notAwaiting(), this.number, outcome());
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable("contract.status." + this.status);
	}

	@Override
	public Refusal refusal() {
		return REFUSAL;
	}

}
