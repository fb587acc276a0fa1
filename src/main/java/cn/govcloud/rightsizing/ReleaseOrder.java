package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Decidable;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A release order (Art. 8: the Commission releases surplus resources according to actual
 * usage) and the decisions on it: the unit accepts or objects until the objection is due;
 * unanswered, it lapses into standing the day after; on an objection the Commission
 * upholds, modifies or withdraws it. Who decided is kept by name.
 *
 * @param objectionDue the last day the unit may answer (working days, see
 * {@link ReleaseOrders})
 * @param effectiveOn the day the supplier resizes or reclaims: the day after it stands
 * @param monthlySaving the lines' monthly saving at the recommendations' prices
 */
public record ReleaseOrder(UUID id, String number, UUID unitId, OrderStatus status, String issuedBy, Instant issuedAt,
		LocalDate objectionDue, String answeredBy, Instant answeredAt, String objectionReason, String documentName,
		String decidedBy, Instant decidedAt, String decisionReason, LocalDate effectiveOn, BigDecimal monthlySaving,
		List<OrderLine> lines) implements Decidable {

	private static final Refusal REFUSAL = new Refusal("rightsizing.alreadyDecided", "rightsizing.notAwaiting");

	public ReleaseOrder {
		lines = List.copyOf(lines);
	}

	/** The unit accepts (Art. 8), on or before the due day. */
	StateChange<ReleaseOrderChanged> accept(String by, UUID actor, Instant at, LocalDate today) {
		awaitingUnit(today);
		return answer(OrderStatus.ACCEPTED, by, at).set("effective_on", today.plusDays(1))
			.recorded("accepted", actor, null, at)
			.announcing(changed(OrderStatus.ACCEPTED));
	}

	/** The unit objects with a reason, on or before the due day. */
	StateChange<ReleaseOrderChanged> object(String reason, String by, UUID actor, Instant at, LocalDate today) {
		awaitingUnit(today);
		if (reason == null) {
			throw InvalidInputException.of("reason", "rightsizing.reason.required");
		}
		return answer(OrderStatus.OBJECTED, by, at).set("objection_reason", reason)
			.recorded("objected", actor, reason, at)
			.announcing(changed(OrderStatus.OBJECTED));
	}

	/**
	 * Unanswered after the due day: the order stands (Art. 8), effective the day after.
	 */
	StateChange<ReleaseOrderChanged> lapse(Instant at, LocalDate today) {
		if (this.status != OrderStatus.ISSUED || !today.isAfter(this.objectionDue)) {
			throw alreadyDecided();
		}
		return StateChange.of(this.id, EnumSet.of(OrderStatus.ISSUED), OrderStatus.LAPSED)
			.set("effective_on", today.plusDays(1))
			.recorded("lapsed", null, null, at)
			.announcing(changed(OrderStatus.LAPSED));
	}

	/**
	 * The Commission decides on an objection: upheld, modified (new lines) or withdrawn.
	 */
	StateChange<ReleaseOrderChanged> decide(OrderStatus decision, String reason, String by, UUID actor, Instant at,
			LocalDate today) {
		if (this.status != OrderStatus.OBJECTED) {
			throw alreadyDecided();
		}
		if (decision != OrderStatus.UPHELD && decision != OrderStatus.MODIFIED && decision != OrderStatus.WITHDRAWN) {
			throw InvalidInputException.of("decision", "rightsizing.decision.invalid");
		}
		if (reason == null) {
			throw InvalidInputException.of("reason", "rightsizing.reason.required");
		}
		return StateChange.of(this.id, EnumSet.of(OrderStatus.OBJECTED), decision)
			.decidedBy(by, at)
			.set("decision_reason", reason)
			.set("effective_on", decision.stands() ? today.plusDays(1) : null)
			.recorded(decision.name().toLowerCase(java.util.Locale.ROOT), actor, reason, at)
			.announcing(changed(decision));
	}

	private void awaitingUnit(LocalDate today) {
		if (this.status != OrderStatus.ISSUED) {
			throw alreadyDecided();
		}
		if (today.isAfter(this.objectionDue)) {
			throw InvalidInputException.of("decision", "rightsizing.objection.late", this.objectionDue);
		}
	}

	private StateChange<Void> answer(OrderStatus to, String by, Instant at) {
		return StateChange.of(this.id, EnumSet.of(OrderStatus.ISSUED), to)
			.set("answered_by", by)
			.set("answered_at", at)
			.decidedBy(by, at);
	}

	private ReleaseOrderChanged changed(OrderStatus to) {
		return new ReleaseOrderChanged(this.id, this.number, this.unitId, to);
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable("rightsizing.order.status." + this.status);
	}

	@Override
	public Refusal refusal() {
		return REFUSAL;
	}

}
