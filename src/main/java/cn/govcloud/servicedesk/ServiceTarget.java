package cn.govcloud.servicedesk;

import java.time.Duration;

/**
 * The Commission's targets for one priority (Art. 19: service response is scored against
 * them): a first response and a resolution, counted round the clock or in working time. A
 * day of working time is the calendar's working day (7.5 hours by default); a day round
 * the clock is 24 hours.
 */
public record ServiceTarget(Priority priority, int responseAmount, TargetUnit responseUnit, int resolutionAmount,
		TargetUnit resolutionUnit, boolean workingTime) {

	public Duration response(Duration workingDay) {
		return this.responseUnit.of(this.responseAmount, this.workingTime ? workingDay : Duration.ofDays(1));
	}

	public Duration resolution(Duration workingDay) {
		return this.resolutionUnit.of(this.resolutionAmount, this.workingTime ? workingDay : Duration.ofDays(1));
	}

	/** The unit a target is written in. */
	public enum TargetUnit {

		MINUTES, HOURS, DAYS;

		Duration of(int amount, Duration day) {
			return switch (this) {
				case MINUTES -> Duration.ofMinutes(amount);
				case HOURS -> Duration.ofHours(amount);
				case DAYS -> day.multipliedBy(amount);
			};
		}

	}

}
