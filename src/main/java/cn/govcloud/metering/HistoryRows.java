package cn.govcloud.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.govcloud.shared.CityTime;

/**
 * The rollup rows of a chunk of {@link UtilisationHistory.Series}, as COPY text: what the
 * consumer writes for one 5-minute average per bucket (sum = the average, count 1, max =
 * the average), the hours it would have sealed (sum, count, max, the 5-minute averages as
 * {@code real}) and the city days (the hours' sums, the histogram of the 5-minute
 * averages).
 */
final class HistoryRows {

	private static final long HOUR_MS = 3_600_000;

	/**
	 * What is written: 5-minute rows from {@code fiveMinuteFrom}, sealed hours from
	 * {@code hourlyFrom} up to {@code hourTarget}, sealed days from {@code dailyFrom} up
	 * to {@code dayTarget}; nothing after {@code now}.
	 */
	record Horizon(Instant now, Instant fiveMinuteFrom, Instant hourlyFrom, Instant dailyFrom, Instant hourTarget,
			Instant dayTarget) {

		static Horizon of(Instant now, MeteringSettings.Retention retention) {
			Instant hourTarget = now.minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.HOURS);
			Instant dayTarget = hourTarget.atZone(CityTime.ZONE).truncatedTo(ChronoUnit.DAYS).toInstant();
			return new Horizon(now, kept(Partitions.Table.FIVE_MINUTES, now, retention.fiveMinute()),
					kept(Partitions.Table.HOURLY, now, retention.hourly()),
					kept(Partitions.Table.DAILY, now, retention.daily()), hourTarget, dayTarget);
		}

		/** The start of the oldest partition retention keeps. */
		private static Instant kept(Partitions.Table table, Instant now, Duration keep) {
			return table.start(now.minus(keep)).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		}

	}

	private final Horizon horizon;

	final StringBuilder fiveMinutes = new StringBuilder();

	final StringBuilder hours = new StringBuilder();

	final StringBuilder days = new StringBuilder();

	/** Earliest and latest bucket written per table, for the partitions. */
	final Map<Partitions.Table, Instant[]> ranges = new java.util.EnumMap<>(Partitions.Table.class);

	HistoryRows(Horizon horizon) {
		this.horizon = horizon;
	}

	Horizon horizon() {
		return this.horizon;
	}

	void add(UtilisationHistory.Series series) {
		String key = series.instanceId() + "\t" + series.metric().code() + "\t" + escape(series.dimension()) + "\t";
		double[] values = series.fiveMinuteAverages();
		long start = series.start().toEpochMilli();
		Period hour = new Period();
		Period day = new Period();
		for (int i = 0; i < values.length; i++) {
			long ts = start + i * RollupMath.FIVE_MINUTES_MS;
			double v = values[i];
			if (Double.isNaN(v) || ts > this.horizon.now().toEpochMilli()) {
				continue;
			}
			if (ts >= this.horizon.fiveMinuteFrom().toEpochMilli()) {
				row(this.fiveMinutes, Partitions.Table.FIVE_MINUTES, key, ts).append(v)
					.append("\t1\t")
					.append(v)
					.append('\n');
			}
			long hourStart = Math.floorDiv(ts, HOUR_MS) * HOUR_MS;
			if (hour.start != hourStart) {
				closeHour(key, hour, day, series.metric());
				hour.start = hourStart;
			}
			hour.add(v, (float) v, bin(series.metric(), (float) v));
		}
		closeHour(key, hour, day, series.metric());
		closeDay(key, day, series.metric());
	}

	private void closeHour(String key, Period hour, Period day, Metric metric) {
		if (hour.count == 0 || hour.start >= this.horizon.hourTarget().toEpochMilli()) {
			hour.clear();
			return;
		}
		if (hour.start >= this.horizon.hourlyFrom().toEpochMilli()) {
			row(this.hours, Partitions.Table.HOURLY, key, hour.start).append(hour.sum)
				.append('\t')
				.append(hour.count)
				.append('\t')
				.append(hour.max)
				.append('\t')
				.append('{')
				.append(hour.fives, 0, hour.fives.length() - 1)
				.append("}\n");
		}
		long dayStart = Instant.ofEpochMilli(hour.start)
			.atZone(CityTime.ZONE)
			.truncatedTo(ChronoUnit.DAYS)
			.toInstant()
			.toEpochMilli();
		if (day.start != dayStart) {
			closeDay(key, day, metric);
			day.start = dayStart;
		}
		day.sum += hour.sum;
		day.count += hour.count;
		day.max = Math.max(day.max, hour.max);
		hour.bins.forEach((bin, n) -> day.bins.merge(bin, n, Integer::sum));
		hour.clear();
	}

	private void closeDay(String key, Period day, Metric metric) {
		if (day.count > 0 && day.start < this.horizon.dayTarget().toEpochMilli()
				&& day.start >= this.horizon.dailyFrom().toEpochMilli()) {
			StringBuilder bins = new StringBuilder();
			StringBuilder counts = new StringBuilder();
			day.bins.forEach((bin, n) -> {
				bins.append((bins.length() == 0) ? "{" : ",").append(bin);
				counts.append((counts.length() == 0) ? "{" : ",").append(n);
			});
			row(this.days, Partitions.Table.DAILY, key, day.start).append(day.sum)
				.append('\t')
				.append(day.count)
				.append('\t')
				.append(day.max)
				.append('\t')
				.append(bins)
				.append("}\t")
				.append(counts)
				.append("}\n");
		}
		day.clear();
	}

	private StringBuilder row(StringBuilder out, Partitions.Table table, String key, long bucket) {
		Instant at = Instant.ofEpochMilli(bucket);
		this.ranges.merge(table, new Instant[] { at, at },
				(a, b) -> new Instant[] { a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1] });
		return out.append(key).append(at).append('\t');
	}

	/**
	 * The bin of a 5-minute average as the daily seal computes it in SQL (on the real).
	 */
	static int bin(Metric metric, float value) {
		if (metric.ratio()) {
			return (int) Math.floor((double) Math.min(Math.max(value, 0f), 1f) * 200);
		}
		return Histogram.bin(metric, value);
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	/** An hour or a day being summed up. */
	private static final class Period {

		long start = Long.MIN_VALUE;

		double sum;

		int count;

		double max = Double.NEGATIVE_INFINITY;

		final StringBuilder fives = new StringBuilder();

		final TreeMap<Integer, Integer> bins = new TreeMap<>();

		void add(double value, float five, int bin) {
			this.sum += value;
			this.count++;
			this.max = Math.max(this.max, value);
			this.fives.append(five).append(',');
			this.bins.merge(bin, 1, Integer::sum);
		}

		void clear() {
			this.start = Long.MIN_VALUE;
			this.sum = 0;
			this.count = 0;
			this.max = Double.NEGATIVE_INFINITY;
			this.fives.setLength(0);
			this.bins.clear();
		}

	}

}
