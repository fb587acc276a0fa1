package cn.govcloud.metering;

import java.io.IOException;
import java.io.StringReader;

import org.postgresql.PGConnection;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code COPY … FROM STDIN} (text or binary format) on the transaction's connection. */
final class CopyIn {

	static final String FIVE_MINUTE_CELLS = "metering_5m (instance_id, metric, dimension, bucket, sum, count, max)";

	static final String FIVE_MINUTE_HOURS = "metering_5m_hour (instance_id, metric, dimension, bucket, avg, max, count)";

	static final String FIVE_MINUTE_DAYS = "metering_5m_day (instance_id, metric, dimension, bucket, avg, max, count)";

	static final String DAYS = MonthRows.COPY;

	private CopyIn() {
	}

	/** {@code COPY … FROM STDIN (FORMAT binary)} of {@code rows}. */
	static void copy(JdbcTemplate jdbc, String table, BinaryRows rows) {
		if (rows.rows() == 0) {
			return;
		}
		jdbc.execute((ConnectionCallback<Long>) (connection) -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY " + table + " FROM STDIN (FORMAT binary)", rows.stream());
			}
			catch (IOException ex) {
				throw new DataAccessResourceFailureException("COPY into " + table + " failed", ex);
			}
		});
	}

	static void copy(JdbcTemplate jdbc, String table, CharSequence text) {
		if (text.isEmpty()) {
			return;
		}
		jdbc.execute((ConnectionCallback<Long>) (connection) -> {
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
