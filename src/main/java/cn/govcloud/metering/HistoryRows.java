package cn.govcloud.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.CityTime;

/**
 * The rollup rows of a chunk of {@link UtilisationHistory.Series}, as COPY rows (packed
 * days and hours binary, the rest text) and the trend sums of its packed hours: what the
 * consumer ends up with for one 5-minute average per bucket (sum = the average, count 1,
 * max = the average) — packed days ({@link DayCells}) for the UTC days it would have
 * packed, packed hours ({@link DayCells#hour}) for the finished hours of the day it would
 * not have packed yet, 5-minute cells for the rest, and the city days it would have
 * sealed, as month rows through the same {@link CityDaySummary} the seal uses.
 */
final class HistoryRows {

	private static final long DAY_MS = Duration.ofDays(1).toMillis();

	private static final long HOUR_MS = Duration.ofHours(1).toMillis();

	/**
	 * What is written: packed days from {@code hourlyFrom} up to {@code packTarget}
	 * (their 5-minute rows from {@code fiveMinuteFrom}), packed hours from
	 * {@code packTarget} to {@code hourTarget} (ADR 0041), cells from {@code hourTarget}
	 * to {@code now}, city days from {@code dailyFrom} up to {@code dayTarget}.
	 */
	record Horizon(Instant now, Instant fiveMinuteFrom, Instant hourlyFrom, Instant dailyFrom, Instant packTarget,
			Instant hourTarget, Instant dayTarget) {

		static Horizon of(Instant now, MeteringSettings.Retention retention) {
			Instant hourTarget = now.minus(OpenHourTrend.GRACE).truncatedTo(ChronoUnit.HOURS);
			Instant dayTarget = hourTarget.atZone(CityTime.ZONE).truncatedTo(ChronoUnit.DAYS).toInstant();
			return new Horizon(now, kept(Partitions.Table.FIVE_MINUTE_DAYS, now, retention.fiveMinute()),
					kept(Partitions.Table.HOURLY, now, retention.hourly()),
					kept(Partitions.Table.DAILY, now, retention.daily()), hourTarget.truncatedTo(ChronoUnit.DAYS),
					hourTarget, dayTarget);
		}

		/** The start of the oldest partition retention keeps. */
		private static Instant kept(Partitions.Table table, Instant now, Duration keep) {
			return table.start(now.minus(keep)).atStartOfDay(ZoneOffset.UTC).toInstant();
		}

	}

	private final Horizon horizon;

	final StringBuilder cells = new StringBuilder();

	final BinaryRows fiveMinuteHours = new BinaryRows();

	final BinaryRows fiveMinuteDays = new BinaryRows();

	final HourMonths hours = new HourMonths();

	final StringBuilder days = new StringBuilder();

	/** Earliest and latest bucket written per table, for the partitions. */
	final Map<Partitions.Table, Instant[]> ranges = new EnumMap<>(Partitions.Table.class);

	/** The packed hours' trend sums per instance (ADR 0035), folded into groups later. */
	final TrendSums trends;

	/** The instance of the series being added. */
	private UUID instance;

	/** Where the packed days' hours go: the month rows and the trend sums. */
	private final DayCells.Hours hourSink;

	/** The month row of the series being added. */
	private MonthRow month;

	HistoryRows(Horizon horizon, double[] rates) {
		this.horizon = horizon;
		this.trends = new TrendSums(rates);
		this.hourSink = (key, metric, hour, avg, max, count) -> {
			this.hours.put(key, metric, hour, avg, max, count);
			this.trends.addHour(this.instance, metric, hour.toEpochMilli(), avg, max);
		};
	}

	Horizon horizon() {
		return this.horizon;
	}

	/**
	 * Characters and bytes of COPY rows so far (an hourly month row counted as its heap,
	 * ~2,250).
	 */
	int length() {
		return this.cells.length() + this.fiveMinuteHours.length() + this.fiveMinuteDays.length()
				+ this.hours.size() * 2_250 + this.days.length();
	}

	void add(UtilisationHistory.Series series) {
		String key = DayCells.key(series.instanceId(), series.metric(), series.dimension());
		this.instance = series.instanceId();
		double[] values = series.fiveMinuteAverages();
		long start = series.start().toEpochMilli();
		long packTarget = this.horizon.packTarget().toEpochMilli();
		long hourTarget = this.horizon.hourTarget().toEpochMilli();
		DayCells packed = null;
		DayCells hour = null;
		CityDaySummary day = new CityDaySummary();
		long dayStart = Long.MIN_VALUE;
		long dayEnd = Long.MIN_VALUE;
		this.month = null;
		for (int i = 0; i < values.length; i++) {
			long ts = start + i * RollupMath.FIVE_MINUTES_MS;
			double v = values[i];
			if (Double.isNaN(v) || ts > this.horizon.now().toEpochMilli()) {
				continue;
			}
			long utcDay = Math.floorDiv(ts, DAY_MS) * DAY_MS;
			// the seal reads a packed day's values as their codes tell (ADR 0038)
			double sealed = v;
			if (utcDay < packTarget) {
				sealed = DaySketch.decode(series.metric(), DaySketch.code(series.metric(), v));
				if (packed == null || packed.day().toEpochMilli() != utcDay) {
					emit(packed);
					packed = new DayCells(Instant.ofEpochMilli(utcDay));
				}
				packed.add(key, series.metric(), ts, v, 1, v);
			}
			else if (ts < hourTarget) {
				long utcHour = Math.floorDiv(ts, HOUR_MS) * HOUR_MS;
				if (hour == null || hour.day().toEpochMilli() != utcHour) {
					emitHour(hour);
					hour = DayCells.hour(Instant.ofEpochMilli(utcHour));
				}
				hour.add(key, series.metric(), ts, v, 1, v);
			}
			else {
				row(this.cells, Partitions.Table.FIVE_MINUTES, key, ts).append(v)
					.append("\t1\t")
					.append(v)
					.append('\n');
			}
			if (ts >= dayEnd || ts < dayStart) {
				// the city day's bounds once a day, not per point (a third of the load's
				// CPU)
				ZonedDateTime cityDay = Instant.ofEpochMilli(ts).atZone(CityTime.ZONE).truncatedTo(ChronoUnit.DAYS);
				closeDay(key, series.metric(), day, dayStart);
				dayStart = cityDay.toInstant().toEpochMilli();
				dayEnd = cityDay.plusDays(1).toInstant().toEpochMilli();
			}
			day.add((int) ((ts - dayStart) / RollupMath.FIVE_MINUTES_MS), (float) sealed, 1, (float) sealed);
		}
		emit(packed);
		emitHour(hour);
		closeDay(key, series.metric(), day, dayStart);
		flushMonth();
	}

	private void emitHour(DayCells hour) {
		if (hour != null) {
			range(Partitions.Table.FIVE_MINUTE_HOURS, hour.day());
			hour.emit(this.fiveMinuteHours, null);
		}
	}

	private void emit(DayCells packed) {
		if (packed == null || packed.day().isBefore(this.horizon.hourlyFrom())) {
			return;
		}
		boolean fiveMinutes = !packed.day().isBefore(this.horizon.fiveMinuteFrom());
		if (fiveMinutes) {
			range(Partitions.Table.FIVE_MINUTE_DAYS, packed.day());
		}
		range(Partitions.Table.HOURLY, packed.day());
		packed.emit(fiveMinutes ? this.fiveMinuteDays : null, this.hourSink);
	}

	private void closeDay(String key, Metric metric, CityDaySummary day, long start) {
		if (!day.isEmpty() && start < this.horizon.dayTarget().toEpochMilli()
				&& start >= this.horizon.dailyFrom().toEpochMilli()) {
			Instant month = DaySealer.month(Instant.ofEpochMilli(start));
			if (this.month == null || !this.month.month.equals(month)) {
				flushMonth();
				this.month = new MonthRow(key, metric, month);
			}
			day.into(this.month, Instant.ofEpochMilli(start).atZone(CityTime.ZONE).getDayOfMonth() - 1);
		}
		day.clear();
	}

	private void flushMonth() {
		if (this.month != null) {
			range(Partitions.Table.DAILY, this.month.month);
			this.month.copyText(this.days);
			this.month = null;
		}
	}

	private StringBuilder row(StringBuilder out, Partitions.Table table, String key, long bucket) {
		Instant at = Instant.ofEpochMilli(bucket);
		range(table, at);
		return out.append(key).append(at).append('\t');
	}

	private void range(Partitions.Table table, Instant at) {
		this.ranges.merge(table, new Instant[] { at, at },
				(a, b) -> new Instant[] { a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1] });
	}

}
