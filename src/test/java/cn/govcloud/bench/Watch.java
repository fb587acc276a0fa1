package cn.govcloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples a number (e.g. heap in use) every {@code periodMillis} while a run lasts and
 * keeps the largest; also the machine's busy CPU share from {@code /proc/stat} over the
 * same time.
 */
public final class Watch implements AutoCloseable {

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final long[] cpuAtStart = machineCpu();

	private volatile long max = -1;

	Watch(LongSupplier probe, long periodMillis) {
		this.timer.scheduleAtFixedRate(() -> {
			try {
				this.max = Math.max(this.max, probe.getAsLong());
			}
			catch (RuntimeException ex) {
				// a probe that fails once (e.g. a slow answer) is sampled again next time
			}
		}, 0, periodMillis, TimeUnit.MILLISECONDS);
	}

	long max() {
		return this.max;
	}

	/** Share of the machine's CPU time (all cores) that was busy since the start. */
	double machineBusy() {
		long[] now = machineCpu();
		double total = now[0] - this.cpuAtStart[0];
		return (total == 0) ? 0 : (now[1] - this.cpuAtStart[1]) / total;
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	/**
	 * The first line of /proc/stat: total jiffies and busy (not idle, not iowait)
	 * jiffies.
	 */
	static long[] machineCpu() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total, total - idle };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	/** The load average line, as {@code uptime} prints it. */
	public static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
