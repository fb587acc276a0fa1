package cn.govcloud.rightsizing;

import java.time.LocalDate;

/**
 * One instance's measured day (UTC) from the daily rollups: the p95 and the highest value
 * of CPU and memory as ratios 0..1; {@code null} where the metric was not measured that
 * day.
 */
public record DailyUsage(LocalDate day, Double cpuP95, Double cpuMax, Double memoryP95, Double memoryMax) {

	/** A day counts towards coverage when CPU or memory was measured. */
	public boolean measured() {
		return this.cpuP95 != null || this.memoryP95 != null;
	}

}
