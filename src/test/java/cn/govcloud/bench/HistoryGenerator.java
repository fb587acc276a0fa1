package cn.govcloud.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.UUID;

import cn.govcloud.metering.Metric;
import cn.govcloud.metering.UtilisationHistory;

/**
 * Seven series per host (CPU, memory, three filesystems, network in and out), 5-minute
 * averages from {@code start} to {@code end}: a daily cycle around a level of the host's
 * own, with noise; deterministic per host.
 */
final class HistoryGenerator implements Iterator<UtilisationHistory.Series> {

	private static final Metric[] METRICS = { Metric.CPU, Metric.MEMORY, Metric.DISK, Metric.DISK, Metric.DISK,
			Metric.NET_IN, Metric.NET_OUT };

	private static final String[] DIMENSIONS = { "", "", "/", "/data", "/var", "eth0", "eth0" };

	private final List<UUID> instances;

	private final Instant start;

	private final int points;

	private int next;

	HistoryGenerator(List<UUID> instances, Instant start, Instant end) {
		this.instances = instances;
		this.start = start;
		this.points = (int) (Duration.between(start, end).toMinutes() / 5);
	}

	long series() {
		return (long) this.instances.size() * METRICS.length;
	}

	long points() {
		return series() * this.points;
	}

	@Override
	public boolean hasNext() {
		return this.next < this.instances.size() * METRICS.length;
	}

	@Override
	public UtilisationHistory.Series next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		int host = this.next / METRICS.length;
		int kind = this.next++ % METRICS.length;
		SplittableRandom random = new SplittableRandom(host * 31L + kind);
		Metric metric = METRICS[kind];
		double level = metric.ratio() ? 0.05 + random.nextDouble() * 0.6 : 1e5 + random.nextDouble() * 5e7;
		double swing = level * random.nextDouble() * 0.5;
		double[] values = new double[this.points];
		for (int i = 0; i < this.points; i++) {
			double cycle = Math.sin(2 * Math.PI * (i % 288) / 288.0);
			double value = level + swing * cycle + level * 0.1 * random.nextGaussian();
			values[i] = metric.ratio() ? Math.min(Math.max(value, 0), 1) : Math.max(value, 0);
		}
		return new UtilisationHistory.Series(this.instances.get(host), metric, DIMENSIONS[kind], this.start, values);
	}

}
