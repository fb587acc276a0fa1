package cn.govcloud.metering;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The consumer's view of the stored series and their last sample, loaded from
 * {@code metering_series} as batches name them and saved in the consumer's transaction;
 * thrown away (and read again) when a transaction fails.
 */
final class ConsumerState {

	private final JdbcTemplate jdbc;

	private final Map<Integer, RollupMath.Series> series = new HashMap<>();

	private final Map<Integer, RollupMath.State> states = new HashMap<>();

	/** instance|kind|dimension → the series id of a total (MemTotal, filesystem size). */
	private final Map<String, Integer> totals = new HashMap<>();

	ConsumerState(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Feeds the samples (per series: {ts, value bits}) to a new {@link RollupMath}. */
	RollupMath apply(Map<Integer, List<long[]>> bySeries) {
		load(bySeries.keySet().stream().filter((id) -> !this.series.containsKey(id)).toList());
		RollupMath math = new RollupMath();
		List<Integer> ordered = new ArrayList<>(bySeries.keySet());
		ordered.removeIf((id) -> !this.series.containsKey(id));
		ordered.sort(Comparator.comparing((Integer id) -> !isTotal(this.series.get(id).kind())));
		for (Integer id : ordered) {
			RollupMath.Series info = this.series.get(id);
			RollupMath.State state = this.states.get(id);
			List<long[]> samples = bySeries.get(id);
			samples.sort(Comparator.comparingLong((long[] s) -> s[0]));
			for (long[] sample : samples) {
				math.add(info, state, sample[0], Double.longBitsToDouble(sample[1]), total(info));
			}
		}
		return math;
	}

	private double total(RollupMath.Series info) {
		SeriesKind totalKind = switch (info.kind()) {
			case MEM_AVAILABLE -> SeriesKind.MEM_TOTAL;
			case FS_AVAIL -> SeriesKind.FS_SIZE;
			default -> null;
		};
		if (totalKind == null) {
			return Double.NaN;
		}
		Integer id = this.totals.get(key(info.instanceId(), totalKind, info.dimension()));
		RollupMath.State state = (id != null) ? this.states.get(id) : null;
		return (state != null && state.lastTs != Long.MIN_VALUE) ? state.lastValue : Double.NaN;
	}

	void save(RollupWriter writer) {
		List<Integer> changed = new ArrayList<>();
		this.states.forEach((id, state) -> {
			if (state.changed) {
				changed.add(id);
			}
		});
		if (changed.isEmpty()) {
			return;
		}
		int[] ids = new int[changed.size()];
		long[] ts = new long[ids.length];
		double[] values = new double[ids.length];
		for (int i = 0; i < ids.length; i++) {
			RollupMath.State state = this.states.get(changed.get(i));
			ids[i] = changed.get(i);
			ts[i] = state.lastTs;
			values[i] = state.lastValue;
		}
		writer.saveStates(ids, ts, values);
	}

	void committed() {
		this.states.values().forEach((state) -> state.changed = false);
	}

	void reset() {
		this.series.clear();
		this.states.clear();
		this.totals.clear();
	}

	private void load(List<Integer> missing) {
		if (missing.isEmpty()) {
			return;
		}
		this.jdbc.query("""
				SELECT id, instance_id, kind, dimension, last_ts, last_value FROM metering_series
				WHERE id = ANY(?::int[]) OR (kind IN (?, ?) AND instance_id IN
				      (SELECT instance_id FROM metering_series WHERE id = ANY(?::int[])))
				""", (ResultSet rs) -> {
			int id = rs.getInt(1);
			if (this.series.containsKey(id)) {
				return;
			}
			RollupMath.Series info = new RollupMath.Series(id, rs.getObject(2, UUID.class),
					SeriesKind.ofCode(rs.getShort(3)), rs.getString(4));
			RollupMath.State state = new RollupMath.State();
			long lastTs = rs.getLong(5);
			if (!rs.wasNull()) {
				state.lastTs = lastTs;
				state.lastValue = rs.getDouble(6);
			}
			this.series.put(id, info);
			this.states.put(id, state);
			if (isTotal(info.kind())) {
				this.totals.put(key(info.instanceId(), info.kind(), info.dimension()), id);
			}
		}, missing.stream().mapToInt(Integer::intValue).toArray(), (short) SeriesKind.MEM_TOTAL.ordinal(),
				(short) SeriesKind.FS_SIZE.ordinal(), missing.stream().mapToInt(Integer::intValue).toArray());
	}

	private static boolean isTotal(SeriesKind kind) {
		return kind == SeriesKind.MEM_TOTAL || kind == SeriesKind.FS_SIZE;
	}

	private static String key(UUID instance, SeriesKind kind, String dimension) {
		return instance + "|" + kind.ordinal() + "|" + dimension;
	}

}
