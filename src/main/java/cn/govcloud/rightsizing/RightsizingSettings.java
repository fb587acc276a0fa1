package cn.govcloud.rightsizing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the recommendations and the objection period (Art. 8), as ratios 0..1
 * and days; {@link #defaults()} are the figures, {@code govcloud.rightsizing.*}
 * overrides them; the mode here is the default until the Commission chooses one.
 *
 * @param windowDays the days of rollups a recommendation reads
 * @param minimumDays fewer days with data than this: insufficient data
 * @param downsizeAt downsize when CPU and memory figures are at or below it
 * @param upsizeAt upsize when CPU or memory figure is at or above it
 * @param idleAt idle when the highest CPU over the idle days is at or below it
 * @param idleDays the last days of the window judged for idleness or absence of data
 * @param target the recommended size keeps the figure at or below it
 * @param objectionWorkingDays the unit's objection period, in working days
 */
@ConfigurationProperties("govcloud.rightsizing")
public record RightsizingSettings(@DefaultValue("MODERATE") Mode mode, @DefaultValue("30") int windowDays,
		@DefaultValue("7") int minimumDays, @DefaultValue("0.30") double downsizeAt,
		@DefaultValue("0.80") double upsizeAt, @DefaultValue("0.05") double idleAt, @DefaultValue("14") int idleDays,
		@DefaultValue("0.60") double target, @DefaultValue("10") int objectionWorkingDays) {

	public RightsizingSettings {
		if (mode == null || windowDays < 1 || minimumDays < 1 || idleDays < 1 || idleDays > windowDays
				|| objectionWorkingDays < 1) {
			throw new IllegalArgumentException("Invalid rightsizing settings");
		}
		if (!ratio(downsizeAt) || !ratio(upsizeAt) || !ratio(idleAt) || !ratio(target) || downsizeAt >= target
				|| target >= upsizeAt) {
			throw new IllegalArgumentException("Thresholds must be ratios with downsize < target < upsize");
		}
	}

	/**
	 * Moderate mode, 30 days, 7 days minimum, 30% / 80%, idle 5% over 14 days, target
	 * 60%, 10 working days.
	 */
	public static RightsizingSettings defaults() {
		return new RightsizingSettings(Mode.MODERATE, 30, 7, 0.30, 0.80, 0.05, 14, 0.60, 10);
	}

	public RightsizingSettings withMode(Mode mode) {
		return new RightsizingSettings(mode, this.windowDays, this.minimumDays, this.downsizeAt, this.upsizeAt,
				this.idleAt, this.idleDays, this.target, this.objectionWorkingDays);
	}

	private static boolean ratio(double value) {
		return value > 0 && value < 1;
	}

}
