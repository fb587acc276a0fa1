package cn.govcloud.servicedesk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.govcloud.calendar.Timeline;

/**
 * A ticket as its page and API show it: the ticket, its two clocks now, its history (the
 * supplier's internal notes only for the supplier), followers and ratings.
 */
record TicketView(Ticket ticket, Clock response, Clock resolution, List<TicketEntry> history, List<UUID> followers,
		List<TicketRating> ratings) {

	static TicketView of(Ticket ticket, Timeline timeline, Instant now, List<TicketEntry> history, List<UUID> followers,
			List<TicketRating> ratings) {
		return new TicketView(ticket, Clock.of(ticket.responseClock(timeline), now),
				Clock.of(ticket.resolutionClock(timeline), now), history, followers, ratings);
	}

	/**
	 * One clock now.
	 *
	 * @param due when the target runs out, {@code null} while paused or stopped
	 */
	public record Clock(long targetMinutes, long elapsedMinutes, int usedPercent, Instant due, boolean paused,
			boolean stopped, boolean breached) {

		static Clock of(ServiceClock clock, Instant now) {
			return new Clock(clock.target().toMinutes(), clock.elapsed(now).toMinutes(),
					(int) Math.min(999, Math.round(clock.used(now) * 100)), clock.dueAt(1.0), clock.paused(),
					clock.stopped() != null, clock.breached(now));
		}

	}

}
