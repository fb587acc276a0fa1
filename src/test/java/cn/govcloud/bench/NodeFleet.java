package cn.govcloud.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The series {@code H} hosts' node_exporters expose, as Prometheus would scrape them
 * every 15 s: per host 2–4 CPUs × 8 modes of {@code node_cpu_seconds_total}, memory
 * gauges, two filesystems, two network devices, a disk, load, and the synthetic
 * {@code up} / {@code scrape_*} series Prometheus adds — 72 to 88 series per host,
 * counters that only grow, labels sorted, {@code instance="10.a.b.c:9100", job="node"}.
 * <p>
 * Values are a pure function of (host, series, round), so a round can be rebuilt
 * identically for every receiver.
 */
public final class NodeFleet {

	static final long INTERVAL_MILLIS = 15_000;

	private static final String[] MODES = { "idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user" };

	private static final double[] MODE_SHARE = { 0, 0.01, 0.002, 0.001, 0.006, 0.001, 0.3, 0.68 };

	private static final String[] MEMORY = { "Active", "Buffers", "Cached", "Inactive", "MemAvailable", "MemFree",
			"MemTotal", "SwapFree", "SwapTotal" };

	private static final String[][] MOUNTS = { { "/dev/vda1", "ext4", "/" }, { "/dev/vdb1", "xfs", "/data" } };

	private static final String[] FILESYSTEM = { "avail_bytes", "files", "files_free", "free_bytes", "size_bytes" };

	private static final String[] NETWORK = { "receive_bytes_total", "receive_drop_total", "receive_errs_total",
			"receive_packets_total", "transmit_bytes_total", "transmit_drop_total", "transmit_errs_total",
			"transmit_packets_total" };

	private static final String[] DISK = { "io_time_seconds_total", "read_bytes_total", "reads_completed_total",
			"writes_completed_total", "written_bytes_total" };

	private static final String[] SINGLES = { "node_boot_time_seconds", "node_context_switches_total",
			"node_entropy_available_bits", "node_filefd_allocated", "node_forks_total", "node_intr_total", "node_load1",
			"node_load15", "node_load5", "node_procs_blocked", "node_procs_running", "node_sockstat_TCP_inuse",
			"node_time_seconds", "scrape_duration_seconds", "scrape_samples_scraped", "up" };

	private final int hosts;

	private final long startMillis;

	private final boolean meteredOnly;

	/**
	 * @param meteredOnly only the series GovCloud turns into utilisation (idle CPU,
	 * memory total/available, filesystem size/avail, network bytes), none it would ignore
	 */
	public NodeFleet(int hosts, long startMillis, boolean meteredOnly) {
		this.hosts = hosts;
		this.startMillis = startMillis;
		this.meteredOnly = meteredOnly;
	}

	public int hosts() {
		return this.hosts;
	}

	/** The address of host {@code i} (0-based): 10.a.b.c, never .0 or .255. */
	public static String address(int host) {
		return "10." + (host / 62_500) + "." + (host / 250 % 250 + 1) + "." + (host % 250 + 1);
	}

	public static int cpus(int host) {
		return 2 + host % 3;
	}

	/** The series of one host, each with its labels and how its value evolves. */
	public List<Series> series(int host) {
		List<Series> all = allSeries(host);
		if (this.meteredOnly) {
			all.removeIf((series) -> !metered(series));
		}
		return all;
	}

	private static boolean metered(Series series) {
		String labels = String.join(",", series.labels());
		return switch (series.name()) {
			case "node_cpu_seconds_total" -> labels.endsWith("mode,idle");
			case "node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes", "node_filesystem_size_bytes",
					"node_filesystem_avail_bytes" ->
				true;
			case "node_network_receive_bytes_total", "node_network_transmit_bytes_total" -> !labels.contains("lo,");
			default -> false;
		};
	}

	private List<Series> allSeries(int host) {
		List<Series> all = new ArrayList<>(96);
		String instance = address(host) + ":9100";
		SplittableRandom random = new SplittableRandom(host * 7919L + 17);
		double busy = 0.03 + random.nextDouble() * 0.6;
		for (int cpu = 0; cpu < cpus(host); cpu++) {
			for (int m = 0; m < MODES.length; m++) {
				double perSecond = (m == 0) ? 1 - busy : busy * MODE_SHARE[m];
				all.add(counter(random, perSecond * (0.9 + 0.2 * random.nextDouble()), "node_cpu_seconds_total", "cpu",
						String.valueOf(cpu), "instance", instance, "job", "node", "mode", MODES[m]));
			}
		}
		double total = (4L << 30) * (1 + host % 4);
		for (String field : MEMORY) {
			double share = switch (field) {
				case "MemTotal", "SwapTotal" -> 1.0;
				case "SwapFree" -> 0.98;
				default -> 0.1 + random.nextDouble() * 0.6;
			};
			all.add(gauge(random, Math.floor(total * share / 4096) * 4096, field.equals("MemTotal") ? 0 : 0.02,
					"node_memory_" + field + "_bytes", "instance", instance, "job", "node"));
		}
		for (String[] mount : MOUNTS) {
			double size = (50L << 30) * (1 + random.nextInt(8));
			for (String field : FILESYSTEM) {
				double base = field.startsWith("files") ? size / 16384 : size;
				double value = field.equals("size_bytes") || field.equals("files") ? base
						: base * (0.2 + random.nextDouble() * 0.7);
				all.add(gauge(random, Math.floor(value), field.contains("free") || field.contains("avail") ? 0.001 : 0,
						"node_filesystem_" + field, "device", mount[0], "fstype", mount[1], "instance", instance, "job",
						"node", "mountpoint", mount[2]));
			}
		}
		for (String device : new String[] { "eth0", "lo" }) {
			for (String field : NETWORK) {
				double perSecond = field.contains("bytes") ? 2e4 + random.nextDouble() * 5e6
						: field.contains("packets") ? 20 + random.nextDouble() * 4000 : random.nextDouble() * 0.01;
				all.add(counter(random, perSecond, "node_network_" + field, "device", device, "instance", instance,
						"job", "node"));
			}
		}
		for (String field : DISK) {
			double perSecond = field.contains("bytes") ? 1e4 + random.nextDouble() * 2e6
					: field.contains("seconds") ? random.nextDouble() * 0.2 : random.nextDouble() * 200;
			all.add(counter(random, perSecond, "node_disk_" + field, "device", "vda", "instance", instance, "job",
					"node"));
		}
		for (String name : SINGLES) {
			Series single = switch (name) {
				case "node_boot_time_seconds" -> gauge(random, 1.7e9 + random.nextInt(10_000_000), 0, name);
				case "node_time_seconds" -> clock(name);
				case "up" -> gauge(random, 1, 0, name);
				case "scrape_samples_scraped" -> gauge(random, 900 + random.nextInt(400), 0, name);
				default -> name.endsWith("_total") ? counter(random, 100 + random.nextDouble() * 20_000, name)
						: gauge(random, 1 + random.nextDouble() * 200, 0.3, name);
			};
			all.add(single.with("instance", instance, "job", "node"));
		}
		return all;
	}

	/**
	 * When host {@code host} is scraped in round {@code round}: the same offset each
	 * round.
	 */
	public long timestamp(int host, int round) {
		return this.startMillis + round * INTERVAL_MILLIS + (host * 7919L) % INTERVAL_MILLIS;
	}

	private static Series counter(SplittableRandom random, double perSecond, String name, String... labels) {
		double start = 1e3 + random.nextDouble() * 1e6 * Math.max(perSecond, 1);
		return new Series(name, labels, Kind.COUNTER, start, perSecond);
	}

	private static Series gauge(SplittableRandom random, double level, double wobble, String name, String... labels) {
		return new Series(name, labels, Kind.GAUGE, level, wobble);
	}

	private static Series clock(String name) {
		return new Series(name, new String[0], Kind.CLOCK, 0, 0);
	}

	enum Kind {

		COUNTER, GAUGE, CLOCK

	}

	/** One series: its sorted labels and how its value moves from round to round. */
	public record Series(String name, String[] labels, Kind kind, double base, double rate) {

		Series with(String... more) {
			String[] all = new String[this.labels.length + more.length];
			System.arraycopy(this.labels, 0, all, 0, this.labels.length);
			System.arraycopy(more, 0, all, this.labels.length, more.length);
			return new Series(this.name, all, this.kind, this.base, this.rate);
		}

		/** {@code __name__} first, then the labels as given (already sorted by name). */
		public List<byte[]> encodedLabels() {
			List<byte[]> out = new ArrayList<>(2 + this.labels.length);
			out.add(RemoteWriteEncoder.utf8("__name__"));
			out.add(RemoteWriteEncoder.utf8(this.name));
			for (String label : this.labels) {
				out.add(RemoteWriteEncoder.utf8(label));
			}
			return out;
		}

		/** The value scraped at {@code timestamp} in round {@code round}. */
		public double value(int round, long timestamp) {
			return switch (this.kind) {
				case COUNTER -> Math
					.round((this.base + this.rate * 15 * round + this.rate * 15 * 0.1 * wiggle(round, this.base)) * 100)
						/ 100.0;
				case GAUGE -> (this.rate == 0) ? this.base
						: Math.floor(this.base * (1 + this.rate * (wiggle(round, this.base) - 0.5)));
				case CLOCK -> timestamp / 1000.0;
			};
		}

		/** A deterministic number in [0, 1) per round and series. */
		private static double wiggle(int round, double seed) {
			long mixed = Double.doubleToLongBits(seed) * 0x9E3779B97F4A7C15L + round * 0xBF58476D1CE4E5B9L;
			mixed ^= mixed >>> 31;
			mixed *= 0x94D049BB133111EBL;
			mixed ^= mixed >>> 29;
			return (mixed >>> 11) * 0x1.0p-53;
		}

	}

}
