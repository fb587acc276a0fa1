package cn.govcloud.metering;

/**
 * What utilisation is measured. CPU, memory and disk are ratios 0..1; network is bits per
 * second. Disk has one dimension per mountpoint, network one per device; CPU and memory
 * have the empty dimension.
 */
public enum Metric {

	CPU(0, true), MEMORY(1, true), DISK(2, true), NET_IN(3, false), NET_OUT(4, false);

	private final short code;

	private final boolean ratio;

	Metric(int code, boolean ratio) {
		this.code = (short) code;
		this.ratio = ratio;
	}

	/** The stored code (column {@code metric} of the rollup tables). */
	public short code() {
		return this.code;
	}

	/** A ratio 0..1 (CPU, memory, disk), else bits per second. */
	public boolean ratio() {
		return this.ratio;
	}

	public static Metric ofCode(int code) {
		for (Metric metric : values()) {
			if (metric.code == code) {
				return metric;
			}
		}
		throw new IllegalArgumentException("No metric with code " + code);
	}

}
