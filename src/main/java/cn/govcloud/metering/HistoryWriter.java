package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

	/**
	 * Group rows of trend sums kept in Java at most (~650 bytes each) before they are
	 * written: a tier-L world's (1,000 units, 35 days, 5 metrics) fit, so each row is
	 * written once.
	 */
	static final int TRENDS_KEPT = 200_000;

	HistoryWriter(JdbcTemplate jdbc, Partitions partitions, MeteringSettings settings, TrendAggregates trends) {
		this.trends = trends;
		this.jdbc = jdbc;
		this.partitions = partitions;
		this.settings = settings;
	}

	/**
	 * The value of each 16-bit code of a rate as {@code metering_value} gives it: the
	 * trend aggregates of SQL add these doubles up.
	 */
	double[] rateValues() {
		return this.jdbc
			.queryForList("SELECT metering_value(3::smallint, c::smallint) FROM generate_series(0, 32767) c ORDER BY c",
					Double.class)
			.stream()
			.mapToDouble(Double::doubleValue)
			.toArray();
	}

	/** Adds the trend sums to the aggregates and forgets them. */
	void writeTrends(TrendSums trends) {
		this.trends.add(trends);
		trends.clear();
	}

	/** The unit and supplier of each instance of the inventory among {@code ids}. */
	private Map<UUID, UUID[]> groups(UUID[] ids) {
		Map<UUID, UUID[]> groups = new HashMap<>();
		this.jdbc.query("SELECT id, unit_id, supplier_id FROM instance WHERE id = ANY(?::uuid[])",
				(RowCallbackHandler) (rs) -> groups.put(rs.getObject(1, UUID.class),
						new UUID[] { rs.getObject(2, UUID.class), rs.getObject(3, UUID.class) }),
				(Object) ids);
		return groups;
	}

	HistoryRows.Horizon horizon(Instant now) {
		return HistoryRows.Horizon.of(now, this.settings.retention());
	}

	/**
	 * Writes the rows and adds their instances' trend sums to {@code trends}, written
	 * ({@link #writeTrends}) once they reach {@link #TRENDS_KEPT} rows.
	 */
	void write(HistoryRows rows, TrendSums trends) {
		try {
			for (Map.Entry<Partitions.Table, Instant[]> range : rows.ranges.entrySet()) {
				this.partitions.ensureRange(range.getKey(), range.getValue()[0], range.getValue()[1]);
			}
			CopyIn.copy(this.jdbc, CopyIn.FIVE_MINUTE_CELLS, rows.cells);
			CopyIn.copy(this.jdbc, CopyIn.FIVE_MINUTE_HOURS, rows.fiveMinuteHours);
			CopyIn.copy(this.jdbc, CopyIn.FIVE_MINUTE_DAYS, rows.fiveMinuteDays);
			rows.hours.write(this.jdbc, null);
			CopyIn.copy(this.jdbc, CopyIn.DAYS, rows.days);
			trends.fold(rows.trends, groups(rows.trends.instances()));
			if (trends.size() >= TRENDS_KEPT) {
				writeTrends(trends);
			}
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
