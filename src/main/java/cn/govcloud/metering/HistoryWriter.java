package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@link HistoryRows} with COPY into the rollup tables (partitions created as
 * needed), adds the chunk's packed hours to the trend aggregates and moves the consumer's
 * watermarks past the days packed and sealed, in the caller's transaction.
 */
@Component
class HistoryWriter {

	private final JdbcTemplate jdbc;

	private final Partitions partitions;

	private final MeteringSettings settings;

	private final TrendAggregates trends;

	HistoryWriter(JdbcTemplate jdbc, Partitions partitions, MeteringSettings settings, TrendAggregates trends) {
		this.trends = trends;
		this.jdbc = jdbc;
		this.partitions = partitions;
		this.settings = settings;
	}

	HistoryRows.Horizon horizon(Instant now) {
		return HistoryRows.Horizon.of(now, this.settings.retention());
	}

	void write(HistoryRows rows) {
		try {
			for (Map.Entry<Partitions.Table, Instant[]> range : rows.ranges.entrySet()) {
				this.partitions.ensureRange(range.getKey(), range.getValue()[0], range.getValue()[1]);
			}
			CopyIn.copy(this.jdbc, CopyIn.FIVE_MINUTE_CELLS, rows.cells);
			CopyIn.copy(this.jdbc, CopyIn.FIVE_MINUTE_HOURS, rows.fiveMinuteHours);
			CopyIn.copy(this.jdbc, CopyIn.FIVE_MINUTE_DAYS, rows.fiveMinuteDays);
			rows.hours.write(this.jdbc, null);
			CopyIn.copy(this.jdbc, CopyIn.DAYS, rows.days);
			UUID[] instances = rows.instances.toArray(UUID[]::new);
			this.trends.add(instances, rows.trendDays);
			this.jdbc.update(
					"""
							UPDATE metering_consumer SET sealed_hour = greatest(sealed_hour, ?), sealed_day = greatest(sealed_day, ?)
							""",
					Timestamp.from(rows.horizon().packTarget()), Timestamp.from(rows.horizon().dayTarget()));
		}
		catch (RuntimeException ex) {
			this.partitions.forget();
			throw ex;
		}
	}

}
