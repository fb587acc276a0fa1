package cn.govcloud.metering;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the rows of series first seen (or re-matched) in a request, in the request's
 * transaction. A series has one id in the cluster (ADR 0036): when another node stored
 * the same series first (same supplier and label key), its id wins, this node's entry
 * takes it and the id this node had handed out becomes an alias, rewritten in every batch
 * this node commits from then on.
 */
@Component
class SeriesRows {

	private final JdbcTemplate jdbc;

	private final SeriesRegistry registry;

	SeriesRows(JdbcTemplate jdbc, SeriesRegistry registry) {
		this.jdbc = jdbc;
		this.registry = registry;
	}

	void save(UUID supplier, Collection<SeriesEntry> entries) {
		// one order on every node, so two nodes saving the same new series do not
		// deadlock
		SeriesEntry[] sorted = entries.toArray(new SeriesEntry[0]);
		Arrays.sort(sorted, Comparator.comparingLong((SeriesEntry e) -> e.hash));
		int n = sorted.length;
		int[] ids = new int[n];
		int[] kinds = new int[n];
		byte[][] keys = new byte[n][];
		String[] dimensions = new String[n];
		String[] matchValues = new String[n];
		String[] instances = new String[n];
		for (int i = 0; i < n; i++) {
			SeriesEntry entry = sorted[i];
			ids[i] = entry.id;
			kinds[i] = entry.kind.ordinal();
			keys[i] = entry.key;
			dimensions[i] = entry.dimension;
			matchValues[i] = entry.matchValue;
			instances[i] = (entry.instanceId != null) ? entry.instanceId.toString() : null;
		}
		// only the rows another node had named first come back (their id is not one this
		// node sent): not every new series' key, hex-encoded, for each request. The
		// series' text (name{a="b", …}) is not stored: it is made from the key when shown
		// (ADR 0042)
		this.jdbc.query("""
				WITH u AS (
				    SELECT * FROM unnest(?::int[], ?::bytea[], ?::int[], ?::text[], ?::text[], ?::uuid[])
				                  AS u(id, label_key, kind, dimension, match_value, instance_id)),
				saved AS (
				    INSERT INTO metering_series AS s (id, supplier_id, label_key, kind, dimension, match_value,
				                                      instance_id, created_at)
				    SELECT u.id, ?, u.label_key, u.kind, u.dimension, u.match_value, u.instance_id, now()
				    FROM u
				    ON CONFLICT (supplier_id, sha256(label_key))
				    DO UPDATE SET instance_id = coalesce(EXCLUDED.instance_id, s.instance_id)
				    RETURNING id, label_key)
				SELECT saved.id, saved.label_key FROM saved WHERE NOT EXISTS (SELECT FROM u WHERE u.id = saved.id)
				""", (ResultSet rs) -> {
			SeriesEntry entry = find(sorted, rs.getBytes(2));
			int id = rs.getInt(1);
			if (entry != null && entry.id != id) {
				this.registry.alias(entry.id, id);
				entry.id = id;
			}
		}, ids, keys, kinds, dimensions, matchValues, instances, supplier);
	}

	/**
	 * The entry of a key among entries sorted by hash (a row another node had named
	 * first: rare, so no map of every key is built for each request).
	 */
	private static SeriesEntry find(SeriesEntry[] sorted, byte[] key) {
		long hash = SeriesIndex.hash(key, key.length);
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (sorted[middle].hash < hash) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		for (int i = low; i < sorted.length && sorted[i].hash == hash; i++) {
			if (Arrays.equals(sorted[i].key, key)) {
				return sorted[i];
			}
		}
		return null;
	}

}
