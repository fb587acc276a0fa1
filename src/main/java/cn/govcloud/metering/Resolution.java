package cn.govcloud.metering;

import java.time.Duration;
import java.time.Instant;

/**
 * The rollup a chart reads: 5-minute up to two days, hourly up to 90 days, daily beyond.
 */
public enum Resolution {

	FIVE_MINUTES("metering_5m", Duration.ofMinutes(5)), HOUR("metering_1h", Duration.ofHours(1)),
	DAY("metering_1d", Duration.ofDays(1));

	private final String table;

	private final Duration step;

	Resolution(String table, Duration step) {
		this.table = table;
		this.step = step;
	}

	String table() {
		return this.table;
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
