package cn.govcloud.world;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.govcloud.calendar.Timeline;
import cn.govcloud.servicedesk.Pause;
import cn.govcloud.servicedesk.ServiceClock;

/**
 * A stretch a planned ticket's resolution clock does not count, with the kind its pause
 * row records; {@code until} null while it lasts.
 */
record TicketPause(Instant from, Instant until, String kind) {

	/**
	 * The service desk's own clock over these pauses, so that the generated stamps count
	 * exactly as the desk does.
	 */
	static ServiceClock clock(Timeline timeline, Instant start, Duration target, List<TicketPause> pauses) {
		List<Pause> counted = pauses.stream().map((p) -> new Pause(p.from(), p.until())).toList();
		return new ServiceClock(timeline, start, target, counted, null);
	}

}
