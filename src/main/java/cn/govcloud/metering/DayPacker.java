package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Packs a finished UTC day (ADR 0012, 0038, 0041): its 5-minute cells and packed hours —
 * merged with the day's packed rows if a late sample made the day open again — become one
 * {@code metering_5m_day} row per series and the day's 24 slots of its
 * {@code metering_1h_month} row ({@link HourMonths}), their hours are added to the trend
 * aggregates ({@link TrendAggregates}; rebuilt when the day is packed again), and the
 * day's partitions of cells and packed hours are dropped. Runs in the caller's
 * transaction, a thousand instances at a time.
 */
@Component
class DayPacker {

	private static final int INSTANCES_PER_STEP = 1000;

	/**
	 * The day's points: its cells, its packed hours (ADR 0041) and, if a late sample made
	 * the day open again, its packed row.
	 */
	private static final String POINTS = Rollups.fiveMinutes("instance_id = ANY(:ids)");

	private final JdbcTemplate jdbc;

	private final Partitions partitions;

	private final TrendAggregates trends;

	DayPacker(JdbcTemplate jdbc, Partitions partitions, TrendAggregates trends) {
		this.jdbc = jdbc;
		this.partitions = partitions;
		this.trends = trends;
	}

	void pack(Instant day) {
		Timestamp start = Timestamp.from(day);
		Timestamp end = Timestamp.from(day.plus(Duration.ofDays(1)));
		List<UUID> instances = this.jdbc.queryForList("""
				SELECT instance_id FROM metering_5m WHERE bucket >= ? AND bucket < ?
				UNION SELECT instance_id FROM metering_5m_hour WHERE bucket >= ? AND bucket < ?
				""", UUID.class, start, end, start, end);
		if (!instances.isEmpty()) {
			this.partitions.ensure(Partitions.Table.FIVE_MINUTE_DAYS, day);
			this.partitions.ensure(Partitions.Table.HOURLY, day);
		}
		boolean again = this.trends.exist(day);
		for (int from = 0; from < instances.size(); from += INSTANCES_PER_STEP) {
			UUID[] ids = instances.subList(from, Math.min(from + INSTANCES_PER_STEP, instances.size()))
				.toArray(UUID[]::new);
			DayCells cells = new DayCells(day);
			cells.read(this.jdbc, POINTS, ids);
			this.jdbc.update("DELETE FROM metering_5m_day WHERE instance_id = ANY(?::uuid[]) AND bucket = ?", ids,
					start);
			StringBuilder fiveMinutes = new StringBuilder();
			HourMonths hours = new HourMonths();
			cells.emit(fiveMinutes, hours);
			CopyIn.copy(this.jdbc, CopyIn.FIVE_MINUTE_DAYS, fiveMinutes);
			hours.write(this.jdbc, day);
			if (!again) {
				this.trends.add(ids, day);
			}
		}
		if (again) {
			this.trends.rebuild(day);
		}
		this.partitions.drop(Partitions.Table.FIVE_MINUTES, day);
		this.partitions.drop(Partitions.Table.FIVE_MINUTE_HOURS, day);
	}

}
