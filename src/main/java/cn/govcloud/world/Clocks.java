package cn.govcloud.world;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import cn.govcloud.calendar.Timeline;

/**
 * The service desk's clock arithmetic (its {@code ServiceClock}, package-private there)
 * for planned tickets: the counted time between two instants with pauses skipped, and the
 * instant at which a counted time is reached.
 */
final class Clocks {

	private Clocks() {
	}

	/**
	 * A stretch the resolution clock does not count; {@code until} null while it lasts.
	 */
	record Pause(Instant from, Instant until, String kind) {
	}

	/**
	 * Counted time from {@code start} to {@code end}, as ServiceClock.elapsed counts it.
	 */
	static Duration elapsed(Timeline timeline, Instant start, Instant end, List<Pause> pauses) {
		Duration total = timeline.between(start, end);
		for (Pause pause : pauses) {
			Instant from = later(pause.from(), start);
			Instant until = (pause.until() == null || pause.until().isAfter(end)) ? end : pause.until();
			total = total.minus(timeline.between(from, until));
		}
		return total.isNegative() ? Duration.ZERO : total;
	}

	/**
	 * The instant at which {@code amount} is counted from {@code start}, as dueAt does;
	 * null when a pause that lasts still comes first.
	 */
	static Instant reach(Timeline timeline, Instant start, Duration amount, List<Pause> pauses) {
		Duration remaining = amount;
		Instant cursor = start;
		for (Pause pause : pauses.stream().sorted(Comparator.comparing(Pause::from)).toList()) {
			if (pause.until() == null) {
				Instant candidate = timeline.plus(later(cursor, start), remaining);
				return candidate.isAfter(pause.from()) ? null : candidate;
			}
			if (!pause.from().isAfter(cursor)) {
				cursor = later(cursor, pause.until());
				continue;
			}
			Instant candidate = timeline.plus(cursor, remaining);
			if (!candidate.isAfter(pause.from())) {
				return candidate;
			}
			remaining = remaining.minus(timeline.between(cursor, pause.from()));
			cursor = pause.until();
		}
		return timeline.plus(cursor, remaining);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
