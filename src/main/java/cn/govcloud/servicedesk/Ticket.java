package cn.govcloud.servicedesk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.calendar.Timeline;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.InvalidInputException;

/**
 * A unit's problem report or fault, answered by the supplier that serves the system (Art.
 * 10–12). Each step guards the state it starts from and returns the ticket it leads to;
 * {@link TicketRepository#move} persists it only if nobody moved the ticket first. The
 * clocks' figures are kept when a clock stops, as evidence for the assessment (Art. 19).
 *
 * @param pauses the stretches the resolution clock does not count, oldest first
 */
public record Ticket(UUID id, String number, UUID unitId, UUID supplierId, UUID systemId, String systemName,
		UUID instanceId, String instanceName, TicketCategory category, Priority priority, String title,
		String description, TicketStatus status, UUID raisedBy, String raisedByName, Instant openedAt,
		boolean workingTime, int responseTargetMinutes, int resolutionTargetMinutes, UUID assigneeId,
		String assigneeName, Instant acknowledgedAt, Integer responseMinutes, Instant resolvedAt, String resolution,
		Integer resolutionMinutes, Instant closedAt, Instant changedAt, String changedByName, List<Pause> pauses) {

	/** How long the unit may reopen a resolved ticket before it closes by itself. */
	public static final Duration CONFIRMATION_PERIOD = Duration.ofDays(7);

	public Ticket {
		pauses = List.copyOf(pauses);
	}

	/**
	 * The supplier's first response: the operator takes the ticket. Of two operators
	 * taking it at once, one wins; the other is told who took it.
	 */
	Ticket acknowledge(Actor by, Instant at, Timeline timeline) {
		if (this.status != TicketStatus.OPEN && this.assigneeName != null) {
			throw new ConflictException("ticket.taken", this.number, this.assigneeName,
					CityTime.minutes(this.acknowledgedAt));
		}
		require(EnumSet.of(TicketStatus.OPEN));
		int minutes = minutes(responseClock(timeline).elapsed(at));
		return with(TicketStatus.ACKNOWLEDGED, by, at, by.userId(), by.name(), at, minutes, null, null, null, null,
				this.pauses);
	}

	/** The supplier starts work. */
	Ticket start(Actor by, Instant at) {
		require(EnumSet.of(TicketStatus.ACKNOWLEDGED));
		return moved(TicketStatus.IN_PROGRESS, by, at, this.pauses);
	}

	/** The supplier asks the unit: the resolution clock pauses until the unit answers. */
	Ticket askUnit(Actor by, Instant at, String question) {
		require(EnumSet.of(TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS));
		required(question, "text");
		List<Pause> paused = new ArrayList<>(this.pauses);
		paused.add(new Pause(at, null));
		return moved(TicketStatus.WAITING_ON_UNIT, by, at, paused);
	}

	/** The unit answers: the clock runs again. */
	Ticket answer(Actor by, Instant at, String text) {
		require(EnumSet.of(TicketStatus.WAITING_ON_UNIT));
		required(text, "text");
		return moved(TicketStatus.IN_PROGRESS, by, at, endPause(at));
	}

	/** The supplier resolves: the resolution clock stops and its figure is kept. */
	Ticket resolve(Actor by, Instant at, String how, Timeline timeline) {
		require(EnumSet.of(TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS));
		required(how, "resolution");
		int minutes = minutes(resolutionClock(timeline).elapsed(at));
		List<Pause> paused = new ArrayList<>(this.pauses);
		paused.add(new Pause(at, null));
		return with(TicketStatus.RESOLVED, by, at, this.assigneeId, this.assigneeName, this.acknowledgedAt,
				this.responseMinutes, at, how.strip(), minutes, null, paused);
	}

	/** The unit confirms the resolution. */
	Ticket confirm(Actor by, Instant at) {
		require(EnumSet.of(TicketStatus.RESOLVED));
		return with(TicketStatus.CLOSED, by, at, this.assigneeId, this.assigneeName, this.acknowledgedAt,
				this.responseMinutes, this.resolvedAt, this.resolution, this.resolutionMinutes, at, endPause(at));
	}

	/**
	 * The unit reopens within {@link #CONFIRMATION_PERIOD}: the resolution clock resumes
	 * where it stopped, the time spent resolved not counted.
	 */
	Ticket reopen(Actor by, Instant at, String reason) {
		require(EnumSet.of(TicketStatus.RESOLVED));
		required(reason, "text");
		if (this.resolvedAt.plus(CONFIRMATION_PERIOD).isBefore(at)) {
			throw InvalidInputException.of("status", "ticket.reopen.tooLate");
		}
		return with(TicketStatus.IN_PROGRESS, by, at, this.assigneeId, this.assigneeName, this.acknowledgedAt,
				this.responseMinutes, null, null, null, null, endPause(at));
	}

	/**
	 * Seven days after resolution without an answer from the unit, it closes by itself.
	 */
	Ticket closeUnconfirmed(Actor system, Instant at) {
		require(EnumSet.of(TicketStatus.RESOLVED));
		return confirm(system, at);
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
			throw new ConflictException("ticket.moved", this.number,
					(this.changedByName != null) ? this.changedByName : "", CityTime.minutes(this.changedAt));
		}
	}

	private static void required(String text, String field) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of(field, "error.field.required");
		}
		if (text.length() > 10000) {
			throw InvalidInputException.of(field, "ticket.text.tooLong", 10000);
		}
	}

	private List<Pause> endPause(Instant at) {
		List<Pause> ended = new ArrayList<>(this.pauses);
		int last = ended.size() - 1;
		if (last >= 0 && ended.get(last).ongoing()) {
			ended.set(last, new Pause(ended.get(last).from(), at));
		}
		return ended;
	}

	private static int minutes(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMinutes());
	}

	private Ticket moved(TicketStatus to, Actor by, Instant at, List<Pause> pauses) {
		return with(to, by, at, this.assigneeId, this.assigneeName, this.acknowledgedAt, this.responseMinutes,
				this.resolvedAt, this.resolution, this.resolutionMinutes, this.closedAt, pauses);
	}

	private Ticket with(TicketStatus to, Actor by, Instant at, UUID assignee, String assigneeName, Instant acknowledged,
			Integer responseMinutes, Instant resolved, String resolution, Integer resolutionMinutes, Instant closed,
			List<Pause> pauses) {
		return new Ticket(this.id, this.number, this.unitId, this.supplierId, this.systemId, this.systemName,
				this.instanceId, this.instanceName, this.category, this.priority, this.title, this.description, to,
				this.raisedBy, this.raisedByName, this.openedAt, this.workingTime, this.responseTargetMinutes,
				this.resolutionTargetMinutes, assignee, assigneeName, acknowledged, responseMinutes, resolved,
				resolution, resolutionMinutes, closed, at, by.name(), pauses);
	}

	/** Who takes a step: a person, or GovCloud itself (the automatic close). */
	public record Actor(UUID userId, String name) {
	}

}
