package cn.govcloud.metering;

import java.nio.charset.StandardCharsets;

/**
 * The series GovCloud understands (ADR 0010): node_exporter's and the documented gauge
 * convention. Anything else is ignored and counted.
 */
enum SeriesKind {

	/** {@code node_cpu_seconds_total{mode="idle"}}: counter, one per CPU. */
	CPU_IDLE("node_cpu_seconds_total", Metric.CPU, null),
	/** {@code govcloud_cpu_utilisation_ratio}: gauge 0..1. */
	CPU_RATIO("govcloud_cpu_utilisation_ratio", Metric.CPU, null),
	MEM_TOTAL("node_memory_MemTotal_bytes", Metric.MEMORY, null),
	MEM_AVAILABLE("node_memory_MemAvailable_bytes", Metric.MEMORY, null),
	/** {@code govcloud_memory_utilisation_ratio}: gauge 0..1. */
	MEM_RATIO("govcloud_memory_utilisation_ratio", Metric.MEMORY, null),
	FS_SIZE("node_filesystem_size_bytes", Metric.DISK, "mountpoint"),
	FS_AVAIL("node_filesystem_avail_bytes", Metric.DISK, "mountpoint"),
	/** {@code govcloud_disk_utilisation_ratio{mountpoint}}: gauge 0..1. */
	DISK_RATIO("govcloud_disk_utilisation_ratio", Metric.DISK, "mountpoint"),
	NET_RX_BYTES("node_network_receive_bytes_total", Metric.NET_IN, "device"),
	NET_TX_BYTES("node_network_transmit_bytes_total", Metric.NET_OUT, "device"),
	/** {@code govcloud_network_receive_bits_per_second{device}}: gauge. */
	NET_RX_BITS("govcloud_network_receive_bits_per_second", Metric.NET_IN, "device"),
	/** {@code govcloud_network_transmit_bits_per_second{device}}: gauge. */
	NET_TX_BITS("govcloud_network_transmit_bits_per_second", Metric.NET_OUT, "device");

	private static final SeriesKind[] VALUES = values();

	private final String metricName;

	private final byte[] nameBytes;

	private final Metric metric;

	private final String dimensionLabel;

	private final byte[] dimensionLabelBytes;

	SeriesKind(String metricName, Metric metric, String dimensionLabel) {
		this.metricName = metricName;
		this.nameBytes = metricName.getBytes(StandardCharsets.UTF_8);
		this.metric = metric;
		this.dimensionLabel = dimensionLabel;
		this.dimensionLabelBytes = (dimensionLabel != null) ? dimensionLabel.getBytes(StandardCharsets.UTF_8) : null;
	}

	String metricName() {
		return this.metricName;
	}

	Metric metric() {
		return this.metric;
	}

	/** The label whose value is the rollup's dimension, or null. */
	String dimensionLabel() {
		return this.dimensionLabel;
	}

	/** {@link #dimensionLabel()} as UTF-8, or null. */
	byte[] dimensionLabelBytes() {
		return this.dimensionLabelBytes;
	}

	/** Counters become rates; everything else is a gauge. */
	boolean counter() {
		return this == CPU_IDLE || this == NET_RX_BYTES || this == NET_TX_BYTES;
	}

	static SeriesKind ofCode(int code) {
		return VALUES[code];
	}

	/**
	 * The kind whose metric name is {@code buffer[offset, offset + length)}, without
	 * allocating; null for a name GovCloud ignores.
	 */
	static SeriesKind byName(byte[] buffer, int offset, int length) {
		if (length < 22) {
			return null;
		}
		for (SeriesKind kind : VALUES) {
			byte[] name = kind.nameBytes;
			if (name.length == length && name[length - 3] == buffer[offset + length - 3]
					&& java.util.Arrays.equals(name, 0, length, buffer, offset, offset + length)) {
				return kind;
			}
		}
		return null;
	}

}
