package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The consumer's SQL, all set-based ({@code unnest} of arrays): merging 5-minute cells,
 * folding batch counts into the totals, deleting consumed batches; series state is saved
 * by {@link ConsumerStateStore}, city days are sealed by {@link DaySealer}.
 */
@Component
class RollupWriter {

	private final JdbcTemplate jdbc;

	private final Partitions partitions;

	private final DaySealer sealer;

	RollupWriter(JdbcTemplate jdbc, Partitions partitions, DaySealer sealer) {
		this.jdbc = jdbc;
		this.partitions = partitions;
		this.sealer = sealer;
	}

	/** The partitions the rows written go into. */
	Partitions partitions() {
		return this.partitions;
	}

	/**
	 * Adds the cells to {@code metering_5m}, in key order: the index is walked once from
	 * left to right instead of at random (a third of the time, ADR 0039). Instances and
	 * dimensions are sent once each and named by their position (an instance has about
	 * seven cells per bucket; arrays go as text).
	 */
	void mergeCells(Map<RollupMath.CellKey, RollupMath.Cell> cells) {
		int n = cells.size();
		Map<UUID, Integer> instanceIndex = new HashMap<>();
		Map<String, Integer> dimensionIndex = new HashMap<>();
		int[] instances = new int[n];
		short[] metrics = new short[n];
		int[] dimensions = new int[n];
		long[] buckets = new long[n];
		double[] sums = new double[n];
		int[] counts = new int[n];
		double[] maxes = new double[n];
		int i = 0;
		for (Map.Entry<RollupMath.CellKey, RollupMath.Cell> entry : cells.entrySet()) {
			RollupMath.CellKey key = entry.getKey();
			instances[i] = instanceIndex.computeIfAbsent(key.instanceId(), (id) -> instanceIndex.size() + 1);
			metrics[i] = key.metric().code();
			dimensions[i] = dimensionIndex.computeIfAbsent(key.dimension(), (d) -> dimensionIndex.size() + 1);
			buckets[i] = key.bucket();
			sums[i] = entry.getValue().sum;
			counts[i] = entry.getValue().count;
			maxes[i++] = entry.getValue().max;
		}
		UUID[] instanceIds = new UUID[instanceIndex.size()];
		instanceIndex.forEach((id, at) -> instanceIds[at - 1] = id);
		String[] dimensionNames = new String[dimensionIndex.size()];
		dimensionIndex.forEach((d, at) -> dimensionNames[at - 1] = d);
		this.jdbc.update("""
				INSERT INTO metering_5m AS r (instance_id, metric, dimension, bucket, sum, count, max)
				SELECT (?::uuid[])[i], m, (?::text[])[d], to_timestamp(b / 1000), s, c, x
				FROM unnest(?::int[], ?::smallint[], ?::int[], ?::bigint[], ?::float8[], ?::int[], ?::float8[])
				     AS u(i, m, d, b, s, c, x)
				ORDER BY 1, 2, 3, 4
				ON CONFLICT (instance_id, metric, dimension, bucket) DO UPDATE
				SET sum = r.sum + EXCLUDED.sum, count = r.count + EXCLUDED.count, max = greatest(r.max, EXCLUDED.max)
				""", instanceIds, dimensionNames, instances, metrics, dimensions, buckets, sums, counts, maxes);
	}

	void foldTotals(Map<UUID, long[]> totals) {
		for (Map.Entry<UUID, long[]> entry : totals.entrySet()) {
			long[] c = entry.getValue();
			this.jdbc.update(
					"""
							INSERT INTO metering_totals AS t (supplier_id, received, stored, ignored, duplicate, out_of_order,
							                                  rejected, unmatched, batches)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
							ON CONFLICT (supplier_id) DO UPDATE SET received = t.received + EXCLUDED.received,
							    stored = t.stored + EXCLUDED.stored, ignored = t.ignored + EXCLUDED.ignored,
							    duplicate = t.duplicate + EXCLUDED.duplicate, out_of_order = t.out_of_order + EXCLUDED.out_of_order,
							    rejected = t.rejected + EXCLUDED.rejected, unmatched = t.unmatched + EXCLUDED.unmatched,
							    batches = t.batches + EXCLUDED.batches
							""",
					entry.getKey(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
		}
	}

	void deleteBatches(long[] ids) {
		this.jdbc.update("DELETE FROM metering_batch WHERE id = ANY(?::bigint[])", (Object) ids);
	}

	/**
	 * Moves the seal watermarks back to a late sample's hour and day, so they are sealed
	 * again.
	 */
	void reopen(Instant earliest) {
		this.jdbc.update("""
				UPDATE metering_consumer
				SET sealed_hour = least(sealed_hour, date_trunc('day', ?::timestamptz, 'UTC')),
				    sealed_day = least(sealed_day, date_trunc('day', ?::timestamptz, 'Asia/Shanghai'))
				""", Timestamp.from(earliest), Timestamp.from(earliest));
	}

	/** Seals the city days from {@code from} to {@code to} (ADR 0035). */
	void sealDays(Instant from, Instant to) {
		this.sealer.seal(from, to);
	}

}
