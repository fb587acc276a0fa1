package cn.govcloud.metering;

import java.time.Duration;
import java.time.Instant;

/**
 * The rollup a chart reads: 5-minute up to two days, hourly up to 90 days, daily beyond.
 */
enum Resolution {

	FIVE_MINUTES(Duration.ofMinutes(5)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

	private final Duration step;

	Resolution(Duration step) {
		this.step = step;
	}

	public Duration step() {
		return this.step;
	}

	public static Resolution forRange(Instant from, Instant to) {
		Duration range = Duration.between(from, to);
		if (range.compareTo(Duration.ofDays(2)) <= 0) {
			return FIVE_MINUTES;
		}
		return (range.compareTo(Duration.ofDays(90)) <= 0) ? HOUR : DAY;
	}

}
