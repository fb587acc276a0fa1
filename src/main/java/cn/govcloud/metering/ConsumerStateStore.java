package cn.govcloud.metering;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL behind {@link ConsumerState}: the consumer row's run count, the series from
 * {@code metering_series}, and their last samples in {@code metering_series_state}. A
 * block of {@link ConsumerState#BLOCK} series ids is one row there, its states packed as
 * the batches' samples are ({@link BatchSamples#BYTES} each: id, timestamp, value), which
 * is how {@link SeriesRegistry} reads them back at start. Runs in the caller's
 * transaction.
 */
final class ConsumerStateStore {

	/**
	 * The series with some ids and the totals of their instances. The totals' kinds are
	 * written into the statement, not bound, so that a plan can read them from the
	 * partial index of totals by instance ({@code metering_series_totals}, V205; issue
	 * 12).
	 */
	private static final String LOAD_SERIES = """
			SELECT id, instance_id, kind, dimension, supplier_id FROM metering_series
			WHERE id = ANY(?::int[]) OR (kind IN (%d, %d) AND instance_id IN
			      (SELECT instance_id FROM metering_series WHERE id = ANY(?::int[])))
			""".formatted(SeriesKind.MEM_TOTAL.ordinal(), SeriesKind.FS_SIZE.ordinal());

	private final JdbcTemplate jdbc;

	ConsumerStateStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the consumer row until the transaction ends (consumers of several nodes merge
	 * one after another) and counts a run on it.
	 * @return the run's number, or -1 if there is no consumer row
	 */
	long takeRun() {
		Long taken = this.jdbc.queryForObject("UPDATE metering_consumer SET runs = runs + 1 RETURNING runs",
				Long.class);
		return (taken != null) ? taken : -1;
	}

	/**
	 * The series with these ids and the totals (MemTotal, filesystem sizes) of their
	 * instances, some of which may have been loaded before.
	 */
	void loadSeries(int[] ids, SeriesRow row) {
		this.jdbc.query(LOAD_SERIES, (ResultSet rs) -> {
			row.loaded(new RollupMath.Series(rs.getInt(1), rs.getObject(2, UUID.class),
					SeriesKind.ofCode(rs.getShort(3)), rs.getString(4)), rs.getObject(5, UUID.class));
		}, ids, ids);
	}

	/**
	 * Sets each series' state ({@code state} by id) saved in these blocks, read in binary
	 * from the first execution (20 KB a block; as hex text otherwise, ADR 0048).
	 */
	void loadStates(int[] blocks, IntFunction<RollupMath.State> state) {
		this.jdbc.query((connection) -> {
			PreparedStatement statement = BinaryResults.binary(connection
				.prepareStatement("SELECT states FROM metering_series_state WHERE block = ANY(?::int[])"));
			statement.setObject(1, blocks);
			return statement;
		}, (ResultSet rs) -> {
			ByteBuffer states = ByteBuffer.wrap(rs.getBytes(1));
			while (states.remaining() >= BatchSamples.BYTES) {
				RollupMath.State loaded = state.apply(states.getInt());
				loaded.lastTs = states.getLong();
				loaded.lastValue = states.getDouble();
			}
		});
	}

	/**
	 * Writes these blocks whole: {@code states[i]} are block {@code blocks[i]}'s, by id
	 * within it; a series with no sample yet is left out.
	 */
	void saveStates(int[] blocks, RollupMath.State[][] states) {
		byte[][] packed = new byte[blocks.length][];
		for (int i = 0; i < blocks.length; i++) {
			ByteBuffer bytes = ByteBuffer.allocate(ConsumerState.BLOCK * BatchSamples.BYTES);
			for (int k = 0; k < ConsumerState.BLOCK; k++) {
				RollupMath.State state = states[i][k];
				if (state != null && state.lastTs != Long.MIN_VALUE) {
					bytes.putInt(blocks[i] * ConsumerState.BLOCK + k).putLong(state.lastTs).putDouble(state.lastValue);
				}
			}
			packed[i] = Arrays.copyOf(bytes.array(), bytes.position());
		}
		this.jdbc.update("""
				INSERT INTO metering_series_state AS s (block, states)
				SELECT * FROM unnest(?::int[], ?::bytea[])
				ON CONFLICT (block) DO UPDATE SET states = EXCLUDED.states
				""", blocks, packed);
	}

	/** Takes the rows of {@link #loadSeries}. */
	interface SeriesRow {

		void loaded(RollupMath.Series series, UUID supplier);

	}

}
