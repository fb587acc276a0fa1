package cn.govcloud.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a service-level clock counts in: every second (round the clock) or only the
 * working seconds of a {@link WorkingCalendar}.
 */
public interface Timeline {

	/** Counts every second: P1 and P2 targets (a fault does not wait for Monday). */
	Timeline ROUND_THE_CLOCK = new Timeline() {

		@Override
		public Duration between(Instant from, Instant to) {
			return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
		}

		@Override
		public Instant plus(Instant from, Duration amount) {
			return from.plus(amount);
		}

	};

	/**
	 * The counted time from {@code from} to {@code to}; zero when {@code to} is not
	 * after.
	 */
	Duration between(Instant from, Instant to);

	/**
	 * The first instant at which {@code amount} of counted time has passed since
	 * {@code from}.
	 */
	Instant plus(Instant from, Duration amount);

}
