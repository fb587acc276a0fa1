package cn.govcloud.metering;

import java.time.Duration;
import java.time.Instant;

/** The periods a chart offers, each ending now: a day, a week, a month (30 days). */
enum ChartPeriod {

	DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30));

	private final Duration length;

	ChartPeriod(Duration length) {
		this.length = length;
	}

	Instant from(Instant to) {
		return to.minus(this.length);
	}

}
