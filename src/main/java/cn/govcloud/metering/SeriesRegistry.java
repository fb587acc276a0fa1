package cn.govcloud.metering;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every supplier's {@link SeriesIndex}, and the ids of stored series. At startup it is
 * rebuilt from the database: the stored series with their last timestamp (the consumer's
 * state, and the newest sample of every batch not yet consumed), so a request resent
 * after a restart stores nothing twice.
 */
@Component
class SeriesRegistry {

	private static final Logger log = LoggerFactory.getLogger(SeriesRegistry.class);

	private final Map<UUID, SeriesIndex> indexes = new ConcurrentHashMap<>();

	/** Ids this node handed out for series another node had named first → their ids. */
	private final Map<Integer, Integer> aliases = new ConcurrentHashMap<>();

	private static final int BLOCK = 1000;

	private static final int BLOCKS_PER_QUERY = 10;

	/** Blocks of ids taken from the sequence and not used yet. */
	private final Queue<Long> blocks = new ArrayDeque<>();

	private final JdbcClient jdbc;

	private int nextId;

	private int blockEnd;

	SeriesRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
		load(jdbc);
	}

	SeriesIndex of(UUID supplier) {
		return this.indexes.computeIfAbsent(supplier, (s) -> new SeriesIndex());
	}

	/**
	 * A new series id, from this node's block of ids (a block of 1000 comes from a
	 * database sequence, so nodes never hand out the same id; ten blocks are taken at a
	 * time).
	 */
	synchronized int newId() {
		if (this.nextId == this.blockEnd) {
			if (this.blocks.isEmpty()) {
				// several blocks per query: the first round of a large fleet names
				// hundreds of thousands of series, and every thread naming one waits here
				this.blocks.addAll(this.jdbc
					.sql("SELECT nextval('metering_series_block') FROM generate_series(1, " + BLOCKS_PER_QUERY + ")")
					.query(Long.class)
					.list());
			}
			this.nextId = Math.toIntExact(this.blocks.poll());
			this.blockEnd = this.nextId + BLOCK;
		}
		return this.nextId++;
	}

	/** This node's id for a series another node stored first is that node's id. */
	void alias(int provisional, int id) {
		this.aliases.put(provisional, id);
	}

	/** Empty unless this node named a series another node had named first. */
	Map<Integer, Integer> aliases() {
		return this.aliases;
	}

	private void load(JdbcClient jdbc) {
		Map<Integer, SeriesEntry> byId = new java.util.HashMap<>();
		jdbc.sql("SELECT id, supplier_id, label_key, kind, dimension, instance_id, match_value FROM metering_series")
			.query((java.sql.ResultSet rs) -> {
				byte[] key = rs.getBytes(3);
				SeriesEntry entry = new SeriesEntry(key, SeriesIndex.hash(key, key.length),
						SeriesKind.ofCode(rs.getShort(4)), rs.getString(5), rs.getString(7));
				entry.id = rs.getInt(1);
				entry.instanceId = rs.getObject(6, UUID.class);
				entry.status = (entry.instanceId != null) ? SeriesEntry.Status.STORED : SeriesEntry.Status.UNMATCHED;
				entry.persisted = true;
				entry.generation = 0;
				of(rs.getObject(2, UUID.class)).putIfAbsent(entry);
				byId.put(entry.id, entry);
			});
		jdbc.sql("SELECT states FROM metering_series_state UNION ALL SELECT samples FROM metering_batch")
			.query((java.sql.ResultSet rs) -> {
				ByteBuffer samples = ByteBuffer.wrap(rs.getBytes(1));
				while (samples.remaining() >= BatchSamples.BYTES) {
					SeriesEntry entry = byId.get(samples.getInt());
					long ts = samples.getLong();
					samples.getDouble();
					if (entry != null) {
						entry.restore(ts);
					}
				}
			});
		log.info("Metering: {} stored series loaded", byId.size());
	}

}
