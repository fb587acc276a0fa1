package cn.govcloud.metering;

import java.time.Instant;

/**
 * One point of a utilisation chart: the bucket's start, its dimension (mountpoint or
 * network device, empty for CPU and memory), the average and the highest value in it.
 *
 * @param samples how many points the bucket summarises
 */
record UtilisationPoint(Instant at, String dimension, double avg, double max, long samples) {
}
