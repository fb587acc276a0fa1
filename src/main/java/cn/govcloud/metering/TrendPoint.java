package cn.govcloud.metering;

import java.time.Instant;

/**
 * One point of a unit's, a system's or the city's utilisation chart.
 *
 * @param avg for CPU, memory and disk the mean of the instances' averages; for network
 * their total
 * @param max the highest value any one instance (or mountpoint, device) reached
 * @param instances how many instances reported in the bucket
 */
record TrendPoint(Instant at, double avg, double max, int instances) {
}
