package cn.govcloud.metering;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
		List<SeriesEntry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparingLong((SeriesEntry e) -> e.hash));
		int n = sorted.size();
		int[] ids = new int[n];
		int[] kinds = new int[n];
		byte[][] keys = new byte[n][];
		String[] labels = new String[n];
		String[] dimensions = new String[n];
		String[] matchValues = new String[n];
		String[] instances = new String[n];
		Map<ByteBuffer, SeriesEntry> byKey = new HashMap<>();
		for (int i = 0; i < n; i++) {
			SeriesEntry entry = sorted.get(i);
			ids[i] = entry.id;
			kinds[i] = entry.kind.ordinal();
			keys[i] = entry.key;
			labels[i] = entry.labels;
			dimensions[i] = entry.dimension;
			matchValues[i] = entry.matchValue;
			instances[i] = (entry.instanceId != null) ? entry.instanceId.toString() : null;
			byKey.put(ByteBuffer.wrap(entry.key), entry);
		}
		// only the rows another node had named first come back (their id is not one this
		// node sent): not every new series' key, hex-encoded, for each request
		this.jdbc.query("""
				WITH u AS (
				    SELECT * FROM unnest(?::int[], ?::bytea[], ?::text[], ?::int[], ?::text[], ?::text[], ?::uuid[])
				                  AS u(id, label_key, labels, kind, dimension, match_value, instance_id)),
				saved AS (
				    INSERT INTO metering_series AS s (id, supplier_id, label_key, labels, kind, dimension, match_value,
				                                      instance_id, created_at)
				    SELECT u.id, ?, u.label_key, u.labels, u.kind, u.dimension, u.match_value, u.instance_id, now()
				    FROM u
				    ON CONFLICT (supplier_id, sha256(label_key))
				    DO UPDATE SET instance_id = coalesce(EXCLUDED.instance_id, s.instance_id)
				    RETURNING id, label_key)
				SELECT saved.id, saved.label_key FROM saved WHERE NOT EXISTS (SELECT FROM u WHERE u.id = saved.id)
				""", (ResultSet rs) -> {
			SeriesEntry entry = byKey.get(ByteBuffer.wrap(rs.getBytes(2)));
			int id = rs.getInt(1);
			if (entry != null && entry.id != id) {
				this.registry.alias(entry.id, id);
				entry.id = id;
			}
		}, ids, keys, labels, kinds, dimensions, matchValues, instances, supplier);
	}

}
