package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Packs a finished UTC hour of the day not packed yet (ADR 0041): its 5-minute cells —
 * merged with the hour's packed rows if a late sample left a cell after them — become one
 * {@code metering_5m_hour} row per series (12 slots, {@link DayCells#hour}), and the
 * cells are deleted. The cells are read by deleting them, so a sample the consumer adds
 * meanwhile either is in what is read or makes a new cell. Runs in the caller's
 * transaction, a thousand instances at a time.
 */
@Component
class HourPacker {

	private static final int INSTANCES_PER_STEP = 1000;

	/** The hour's cells, deleted as they are read, and its packed rows. */
	private static final String POINTS = """
			WITH moved AS (
			  DELETE FROM metering_5m WHERE instance_id = ANY(:ids) AND bucket >= :from AND bucket < :to
			  RETURNING instance_id, metric, dimension, bucket, sum, count, max
			)
			SELECT * FROM moved
			UNION ALL
			""" + Rollups.packedHours("instance_id = ANY(:ids)");

	private final JdbcTemplate jdbc;

	private final Partitions partitions;

	HourPacker(JdbcTemplate jdbc, Partitions partitions) {
		this.jdbc = jdbc;
		this.partitions = partitions;
	}

	/**
	 * Moves the cells of the hour starting at {@code hour} into packed rows.
	 * @return how many instances had cells in the hour
	 */
	int pack(Instant hour) {
		Timestamp start = Timestamp.from(hour);
		Timestamp end = Timestamp.from(hour.plus(Duration.ofHours(1)));
		List<UUID> instances = this.jdbc.queryForList(
				"SELECT DISTINCT instance_id FROM metering_5m WHERE bucket >= ? AND bucket < ?", UUID.class, start,
				end);
		if (instances.isEmpty()) {
			return 0;
		}
		this.partitions.ensure(Partitions.Table.FIVE_MINUTE_HOURS, hour);
		for (int from = 0; from < instances.size(); from += INSTANCES_PER_STEP) {
			UUID[] ids = instances.subList(from, Math.min(from + INSTANCES_PER_STEP, instances.size()))
				.toArray(UUID[]::new);
			DayCells cells = DayCells.hour(hour);
			cells.read(this.jdbc, POINTS, ids);
			this.jdbc.update("DELETE FROM metering_5m_hour WHERE instance_id = ANY(?::uuid[]) AND bucket = ?", ids,
					start);
			StringBuilder rows = new StringBuilder();
			cells.emit(rows, null);
			CopyIn.copy(this.jdbc, CopyIn.FIVE_MINUTE_HOURS, rows);
		}
		return instances.size();
	}

	/** After a rolled-back transaction: the partition it created may not exist. */
	void forget() {
		this.partitions.forget();
	}

}
