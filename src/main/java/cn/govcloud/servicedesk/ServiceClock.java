package cn.govcloud.servicedesk;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import cn.govcloud.calendar.Timeline;

/**
 * One service-level clock of a ticket (time to first response, time to resolve): it
 * starts when the ticket is opened, counts in its priority's {@link Timeline}, skips the
 * {@link Pause pauses}, and stops when its event happens. A target is met when the
 * counted time is at most the target: a response exactly at the target is in time (Art.
 * 19 scores the share within target).
 *
 * <p>
 * Public so that the world generator writes the clock stamps of its planned tickets with
 * the same counting the desk uses.
 *
 * @param stopped when the clock's event happened (acknowledged, resolved), or
 * {@code null}
 */
public record ServiceClock(Timeline timeline, Instant started, Duration target, List<Pause> pauses, Instant stopped) {

	public ServiceClock {
		pauses = pauses.stream().sorted(Comparator.comparing(Pause::from)).toList();
	}

	/** The counted time until {@code now} (or until the clock stopped). */
	public Duration elapsed(Instant now) {
		Instant end = (this.stopped != null && this.stopped.isBefore(now)) ? this.stopped : now;
		Duration total = this.timeline.between(this.started, end);
		for (Pause pause : this.pauses) {
			Instant from = later(pause.from(), this.started);
			Instant until = pause.ongoing() ? end : earlier(pause.until(), end);
			total = total.minus(this.timeline.between(from, until));
		}
		return total.isNegative() ? Duration.ZERO : total;
	}

	/** Whether the target is exceeded by {@code now}. */
	boolean breached(Instant now) {
		return elapsed(now).compareTo(this.target) > 0;
	}

	/** The share of the target used by {@code now} (1.0 at the target). */
	double used(Instant now) {
		return this.target.isZero() ? 1.0 : (double) elapsed(now).toMillis() / this.target.toMillis();
	}

	boolean paused() {
		return this.stopped == null && !this.pauses.isEmpty() && this.pauses.get(this.pauses.size() - 1).ongoing();
	}

	/**
	 * The instant at which the counted time reaches {@code share} of the target (1.0: the
	 * deadline; 0.75: the supplier manager's warning), or {@code null} while the clock is
	 * paused or stopped.
	 */
	Instant dueAt(double share) {
		return (this.stopped != null || paused()) ? null : reach(share);
	}

	/**
	 * The instant at which the counted time reaches {@code share} of the target, whether
	 * or not the clock has stopped since: before a pause that still lasts it is found,
	 * after its start it is never reached ({@code null}).
	 */
	public Instant reach(double share) {
		Duration remaining = Duration.ofMillis(Math.round(this.target.toMillis() * share));
		Instant cursor = this.started;
		for (Pause pause : this.pauses) {
			if (pause.ongoing()) {
				Instant candidate = this.timeline.plus(cursor, remaining);
				return candidate.isAfter(pause.from()) ? null : candidate;
			}
			if (!pause.from().isAfter(cursor)) {
				cursor = later(cursor, pause.until());
				continue;
			}
			Instant candidate = this.timeline.plus(cursor, remaining);
			if (!candidate.isAfter(pause.from())) {
				return candidate;
			}
			remaining = remaining.minus(this.timeline.between(cursor, pause.from()));
			cursor = pause.until();
		}
		return this.timeline.plus(cursor, remaining);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
