package cn.govcloud.metering;

/**
 * One sample of the JSON and CSV uploads (gauge convention of ADR 0010).
 *
 * @param instance the instance's IP address, name or cloud instance id
 * @param metric {@code cpu}, {@code memory}, {@code disk} (ratios 0..1), {@code net_in},
 * {@code net_out} (bits per second)
 * @param mountpoint the disk's mountpoint (disk only)
 * @param device the network device (network only)
 * @param timestamp ISO-8601 with offset, e.g. {@code 2026-11-27T10:00:00+08:00}
 */
record SampleRow(String instance, String metric, String mountpoint, String device, String timestamp, Double value) {
}
