package cn.govcloud.metering;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The totals the consumer divides by (issue 12): a memory or filesystem ratio uses its
 * total (MemTotal, the filesystem's size) at the same timestamp, else the latest before
 * it. Knows which series is whose total, as the consumer loads series, and a total's
 * values within a chunk ({@link Values}).
 */
final class SeriesTotals {

	/** instance|kind|dimension → the series id of a total. */
	private final Map<String, Integer> byKey = new HashMap<>();

	static boolean isTotal(SeriesKind kind) {
		return kind == SeriesKind.MEM_TOTAL || kind == SeriesKind.FS_SIZE;
	}

	/** A series the consumer loaded: remembered if it is a total. */
	void remember(RollupMath.Series info) {
		if (isTotal(info.kind())) {
			this.byKey.put(key(info.instanceId(), info.kind(), info.dimension()), info.id());
		}
	}

	/**
	 * The id of the total a ratio's series divides by, or null (none, or none stored yet:
	 * a total stored later is found then).
	 */
	Integer totalOf(RollupMath.Series info) {
		SeriesKind totalKind = switch (info.kind()) {
			case MEM_AVAILABLE -> SeriesKind.MEM_TOTAL;
			case FS_AVAIL -> SeriesKind.FS_SIZE;
			default -> null;
		};
		if (totalKind == null) {
			return null;
		}
		// not remembered here: the consumer keeps a total once found, per series (ADR
		// 0048)
		return this.byKey.get(key(info.instanceId(), totalKind, info.dimension()));
	}

	void clear() {
		this.byKey.clear();
	}

	private static String key(UUID instance, SeriesKind kind, String dimension) {
		return instance + "|" + kind.ordinal() + "|" + dimension;
	}

	/**
	 * A total's values in the chunk and its last value before it, by timestamp (arrays,
	 * not a map of boxed values: a third of the metered samples are totals).
	 */
	record Values(long[] timestamps, double[] values) {

		/** Before its samples are applied to {@code state}. */
		static Values of(ChunkSamples chunk, int group, RollupMath.State state) {
			int start = chunk.start(group);
			int end = chunk.end(group);
			boolean before = state.lastTs != Long.MIN_VALUE;
			long[] timestamps = new long[end - start + (before ? 1 : 0)];
			double[] values = new double[timestamps.length];
			int at = 0;
			int k = start;
			if (before) {
				// the chunk's samples are in time order; the state's goes before any of
				// the same timestamp (a later value of one timestamp wins, as in a map)
				for (; k < end && chunk.timestamp(k) < state.lastTs; k++, at++) {
					timestamps[at] = chunk.timestamp(k);
					values[at] = chunk.value(k);
				}
				timestamps[at] = state.lastTs;
				values[at++] = state.lastValue;
			}
			for (; k < end; k++, at++) {
				timestamps[at] = chunk.timestamp(k);
				values[at] = chunk.value(k);
			}
			return new Values(timestamps, values);
		}

		/**
		 * The total at {@code ts}, else the latest before it, else {@code latest}.
		 */
		double at(long ts, double latest) {
			int low = 0;
			int high = this.timestamps.length;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (this.timestamps[middle] <= ts) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			return (low > 0) ? this.values[low - 1] : latest;
		}

	}

}
