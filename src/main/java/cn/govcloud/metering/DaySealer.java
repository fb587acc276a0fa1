package cn.govcloud.metering;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.CityTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals city days (ADR 0035): each series' 5-minute points of the day become that day's
 * slot of its {@link MonthRow} — average, max, samples and {@link DaySketch} — a thousand
 * instances at a time, in the caller's transaction. Sealing a day again (a late sample)
 * replaces its slot.
 */
@Component
class DaySealer {

	private static final int INSTANCES_PER_STEP = 1000;

	private static final String POINTS = "SELECT instance_id, metric, dimension, bucket, sum, count, max FROM ("
			+ Rollups.fiveMinutes("instance_id = ANY(:ids)") + ") f";

	private final JdbcTemplate jdbc;

	private final Partitions partitions;

	DaySealer(JdbcTemplate jdbc, Partitions partitions) {
		this.jdbc = jdbc;
		this.partitions = partitions;
	}

	/** Seals the city days from {@code from} to {@code to} (city midnights). */
	void seal(Instant from, Instant to) {
		for (Instant day = from; day.isBefore(to); day = day.plus(Duration.ofDays(1))) {
			sealDay(day);
		}
	}

	private void sealDay(Instant day) {
		Timestamp start = Timestamp.from(day);
		Timestamp end = Timestamp.from(day.plus(Duration.ofDays(1)));
		List<UUID> instances = this.jdbc.queryForList(
				"""
						SELECT instance_id FROM metering_5m WHERE bucket >= ? AND bucket < ?
						UNION SELECT instance_id FROM metering_5m_hour WHERE bucket >= ? AND bucket < ?
						UNION SELECT instance_id FROM metering_5m_day WHERE bucket > ?::timestamptz - interval '1 day' AND bucket < ?
						""",
				UUID.class, start, end, start, end, start, end);
		if (instances.isEmpty()) {
			return;
		}
		Instant month = month(day);
		int dayOfMonth = day.atZone(CityTime.ZONE).getDayOfMonth() - 1;
		this.partitions.ensure(Partitions.Table.DAILY, month);
		for (int i = 0; i < instances.size(); i += INSTANCES_PER_STEP) {
			UUID[] ids = instances.subList(i, Math.min(i + INSTANCES_PER_STEP, instances.size())).toArray(UUID[]::new);
			Map<String, CityDaySummary> days = new LinkedHashMap<>();
			Map<String, Metric> metrics = new HashMap<>();
			JdbcClient.create(this.jdbc)
				.sql(POINTS)
				.param("ids", ids)
				.param("from", start)
				.param("to", end)
				.query((ResultSet rs) -> {
					Metric metric = Metric.ofCode(rs.getShort(2));
					String key = DayCells.key(rs.getObject(1, UUID.class), metric, rs.getString(3));
					metrics.put(key, metric);
					int slot = (int) ((rs.getTimestamp(4).getTime() - day.toEpochMilli()) / RollupMath.FIVE_MINUTES_MS);
					double sum = rs.getDouble(5);
					int count = rs.getInt(6);
					days.computeIfAbsent(key, (k) -> new CityDaySummary())
						.add(slot, (float) (sum / count), count, (float) rs.getDouble(7));
				});
			Map<String, MonthRow> rows = MonthRows.read(this.jdbc, ids, month);
			for (Map.Entry<String, CityDaySummary> entry : days.entrySet()) {
				entry.getValue()
					.into(rows.computeIfAbsent(entry.getKey(), (k) -> new MonthRow(k, metrics.get(k), month)),
							dayOfMonth);
			}
			MonthRows.replace(this.jdbc, ids, month, rows.values());
		}
	}

	/** The city midnight starting the month of {@code at}. */
	static Instant month(Instant at) {
		ZonedDateTime city = at.atZone(CityTime.ZONE);
		return city.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
	}

}
