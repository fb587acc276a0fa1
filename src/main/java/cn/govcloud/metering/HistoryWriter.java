package cn.govcloud.metering;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.postgresql.PGConnection;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@link HistoryRows} with COPY into the rollup tables (partitions created as
 * needed) and moves the seal watermarks past the hours and days written, in the caller's
 * transaction.
 */
@Component
class HistoryWriter {

	private final JdbcTemplate jdbc;

	private final Partitions partitions;

	private final MeteringSettings settings;

	HistoryWriter(JdbcTemplate jdbc, Partitions partitions, MeteringSettings settings) {
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
			copy("metering_5m (instance_id, metric, dimension, bucket, sum, count, max)", rows.fiveMinutes);
			copy("metering_1h (instance_id, metric, dimension, bucket, sum, count, max, fives)", rows.hours);
			copy("metering_1d (instance_id, metric, dimension, bucket, sum, count, max, bins, bin_counts)", rows.days);
			this.jdbc.update(
					"""
							UPDATE metering_consumer SET sealed_hour = greatest(sealed_hour, ?), sealed_day = greatest(sealed_day, ?)
							""",
					Timestamp.from(rows.horizon().hourTarget()), Timestamp.from(rows.horizon().dayTarget()));
		}
		catch (RuntimeException ex) {
			this.partitions.forget();
			throw ex;
		}
	}

	private void copy(String table, StringBuilder text) {
		if (text.isEmpty()) {
			return;
		}
		this.jdbc.execute((ConnectionCallback<Long>) (connection) -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY " + table + " FROM STDIN", new StringReader(text.toString()));
			}
			catch (IOException ex) {
				throw new DataAccessResourceFailureException("COPY into " + table + " failed", ex);
			}
		});
	}

}
