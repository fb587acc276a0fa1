package cn.govcloud.metering;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One instance's day (city time) of one metric from the sealed daily rollups: the 95th
 * percentile of its 5-minute averages (from the day's sketch, see {@link DaySketch}) and
 * its highest value.
 */
public record DailyPeak(UUID instanceId, Metric metric, LocalDate day, double p95, double max) {
}
