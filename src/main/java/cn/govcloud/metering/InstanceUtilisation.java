package cn.govcloud.metering;

import java.util.UUID;

/**
 * One instance's utilisation of one metric (and dimension) over a period: the average,
 * the 95th percentile of its 5-minute averages, and the highest value.
 */
public record InstanceUtilisation(UUID instanceId, String instanceName, UUID unitId, UUID systemId, Metric metric,
		String dimension, double avg, double p95, double max, long samples) {
}
