package cn.govcloud.metering;

import java.time.Instant;

/**
 * The period an API call asks about: {@code from} and {@code to} when given, else the
 * named {@link ChartPeriod} (a day by default) ending now.
 */
record Window(Instant from, Instant to) {

	static Window of(Instant from, Instant to, ChartPeriod period) {
		Instant end = (to != null) ? to : Instant.now();
		Instant start = (from != null) ? from : ((period != null) ? period : ChartPeriod.DAY).from(end);
		return new Window(start, end);
	}

}
