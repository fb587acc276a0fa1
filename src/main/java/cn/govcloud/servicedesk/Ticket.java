package cn.govcloud.servicedesk;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.calendar.Timeline;
import cn.govcloud.shared.Decidable;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A unit's problem report or fault, answered by the supplier that serves the system (Art.
 * 10–12). Each step guards the state it starts from and returns its {@link StateChange},
 * which {@code Decisions} persists only if nobody moved the ticket first (ADR 0015); the
 * loser is told who moved it, when and where it stands. The clocks' figures are kept when
 * a clock stops, as evidence for the assessment (Art. 19).
 *
 * @param pauses the stretches the resolution clock does not count, oldest first
 */
record Ticket(UUID id, String number, UUID unitId, UUID supplierId, UUID systemId, String systemName, UUID instanceId,
		String instanceName, TicketCategory category, Priority priority, String title, String description,
		TicketStatus status, UUID raisedBy, String raisedByName, Instant openedAt, boolean workingTime,
		int responseTargetMinutes, int resolutionTargetMinutes, UUID assigneeId, String assigneeName,
		Instant acknowledgedAt, Integer responseMinutes, Instant resolvedAt, String resolution,
		Integer resolutionMinutes, Instant closedAt, Instant changedAt, String changedByName,
		List<Pause> pauses) implements Decidable {

	/** How long the unit may reopen a resolved ticket before it closes by itself. */
	public static final Duration CONFIRMATION_PERIOD = Duration.ofDays(7);

	public Ticket {
		pauses = List.copyOf(pauses);
	}

	/**
	 * The supplier's first response: the operator takes the ticket (Art. 10). Of two
	 * operators taking it at once, one wins; the other is told who took it.
	 */
	StateChange<TicketMoved> acknowledge(Actor by, Instant at, Timeline timeline, List<UUID> unitPeople) {
		require(EnumSet.of(TicketStatus.OPEN));
		return step(TicketStatus.ACKNOWLEDGED, by, at, null, unitPeople).set("assignee_id", by.userId())
			.set("assignee_name", by.name())
			.set("acknowledged_at", at)
			.set("response_minutes", minutes(responseClock(timeline).elapsed(at)));
	}

	/** The supplier starts work. */
	StateChange<TicketMoved> start(Actor by, Instant at, List<UUID> unitPeople) {
		require(EnumSet.of(TicketStatus.ACKNOWLEDGED));
		return step(TicketStatus.IN_PROGRESS, by, at, null, unitPeople);
	}

	/** The supplier asks the unit: the resolution clock pauses until the unit answers. */
	StateChange<TicketMoved> askUnit(Actor by, Instant at, String question, List<UUID> unitPeople) {
		require(EnumSet.of(TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS));
		return step(TicketStatus.WAITING_ON_UNIT, by, at, required(question, "text"), unitPeople);
	}

	/** The unit answers: the clock runs again. */
	StateChange<TicketMoved> answer(Actor by, Instant at, String text, List<UUID> unitPeople) {
		require(EnumSet.of(TicketStatus.WAITING_ON_UNIT));
		return step(TicketStatus.IN_PROGRESS, by, at, required(text, "text"), unitPeople);
	}

	/**
	 * The supplier resolves (Art. 11): the resolution clock stops and its figure is kept
	 * as evidence for the assessment (Art. 19).
	 */
	StateChange<TicketMoved> resolve(Actor by, Instant at, String how, Timeline timeline, List<UUID> unitPeople) {
		require(EnumSet.of(TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS));
		String resolution = required(how, "resolution");
		return step(TicketStatus.RESOLVED, by, at, resolution, unitPeople).set("resolved_at", at)
			.set("resolution", resolution)
			.set("resolution_minutes", minutes(resolutionClock(timeline).elapsed(at)));
	}

	/** The unit confirms the resolution. */
	StateChange<TicketMoved> confirm(Actor by, Instant at, List<UUID> unitPeople) {
		require(EnumSet.of(TicketStatus.RESOLVED));
		return step(TicketStatus.CLOSED, by, at, null, unitPeople).set("closed_at", at).set("closed_by", by.userId());
	}

	/**
	 * The unit reopens within {@link #CONFIRMATION_PERIOD}: the resolution clock resumes
	 * where it stopped, the time spent resolved not counted.
	 */
	StateChange<TicketMoved> reopen(Actor by, Instant at, String reason, List<UUID> unitPeople) {
		require(EnumSet.of(TicketStatus.RESOLVED));
		String why = required(reason, "text");
		if (this.resolvedAt.plus(CONFIRMATION_PERIOD).isBefore(at)) {
			throw InvalidInputException.of("status", "ticket.reopen.tooLate");
		}
		return step(TicketStatus.IN_PROGRESS, by, at, why, unitPeople).set("resolved_at", null)
			.set("resolution", null)
			.set("resolution_minutes", null);
	}

	/**
	 * Seven days after resolution without an answer from the unit, it closes by itself.
	 */
	StateChange<TicketMoved> closeUnconfirmed(Instant at, List<UUID> unitPeople) {
		return confirm(new Actor(null, null), at, unitPeople);
	}

	/** Time to the first response: stops at the acknowledgement; never paused. */
	ServiceClock responseClock(Timeline timeline) {
		return new ServiceClock(timeline, this.openedAt, Duration.ofMinutes(this.responseTargetMinutes), List.of(),
				this.acknowledgedAt);
	}

	/** Time to resolve: skips the waits on the unit and the time spent resolved. */
	ServiceClock resolutionClock(Timeline timeline) {
		Instant stopped = (this.status == TicketStatus.RESOLVED || this.status == TicketStatus.CLOSED) ? this.resolvedAt
				: null;
		return new ServiceClock(timeline, this.openedAt, Duration.ofMinutes(this.resolutionTargetMinutes), this.pauses,
				stopped);
	}

	private void require(Set<TicketStatus> from) {
		if (!from.contains(this.status)) {
			throw alreadyDecided();
		}
	}

	private StateChange<TicketMoved> step(TicketStatus to, Actor by, Instant at, String reason, List<UUID> unitPeople) {
		return StateChange.of(this.id, EnumSet.of(this.status), to)
			.set("changed_at", at)
			.set("changed_by", by.userId())
			.set("changed_by_name", (by.name() != null) ? by.name() : "GovCloud")
			.recorded(to.name(), by.userId(), reason, at)
			.announcing(new TicketMoved(this.id, this.number, this.supplierId, this.status, to,
					(to == TicketStatus.ACKNOWLEDGED) ? by.userId() : this.assigneeId, List.copyOf(unitPeople),
					this.title));
	}

	private static String required(String text, String field) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of(field, "error.field.required");
		}
		if (text.length() > 10000) {
			throw InvalidInputException.of(field, "ticket.text.tooLong", 10000);
		}
		return text.strip();
	}

	private static int minutes(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMinutes());
	}

	@Override
	public String decidedBy() {
		return (this.changedAt.equals(this.openedAt)) ? null : this.changedByName;
	}

	@Override
	public Instant decidedAt() {
		return this.changedAt;
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable("ticket.status." + this.status);
	}

	@Override
	public Refusal refusal() {
		return new Refusal("ticket.alreadyDecided", "ticket.notAwaiting");
	}

	/** Who takes a step: a person, or GovCloud itself (the automatic close). */
	public record Actor(UUID userId, String name) {
	}

}
