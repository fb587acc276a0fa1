package cn.govcloud.metering;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The consumer's view of the stored series and their last sample: series loaded from
 * {@code metering_series} as batches name them, their state from
 * {@code metering_series_state} (packed per block of 1000 ids); changed blocks are saved
 * whole in the consumer's transaction and the view is thrown away (and read again) when a
 * transaction fails, or when another node's consumer ran since this one's last
 * transaction (ADR 0036). This state is what makes a sample count once in the cluster: a
 * sample at or before its series' last timestamp is dropped here and counted, per
 * supplier, as a duplicate or out of order instead of stored — a request another node
 * stored too. The totals the memory and filesystem ratios divide by are
 * {@link SeriesTotals}'.
 */
final class ConsumerState {

	static final int BLOCK = 1000;

	private final JdbcTemplate jdbc;

	private final Map<Integer, RollupMath.Series> series = new HashMap<>();

	/**
	 * block → the states of its series ids (index: id modulo {@link #BLOCK}), for every
	 * block loaded.
	 */
	private final Map<Integer, RollupMath.State[]> blocks = new HashMap<>();

	private final Set<Integer> changedBlocks = new HashSet<>();

	private final SeriesTotals totals = new SeriesTotals();

	private final Map<Integer, UUID> suppliers = new HashMap<>();

	/**
	 * Per supplier, the samples the last {@link #apply} dropped: duplicate, out of order.
	 */
	private final Map<UUID, long[]> dropped = new HashMap<>();

	/** The consumer transaction this view is current after; -1: read it again. */
	private long lastRun = -1;

	private long run = -1;

	ConsumerState(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Starts a consumer transaction: takes the consumer row (consumers of several nodes
	 * merge one after another) and forgets the view if another node merged since.
	 */
	void begin() {
		Long taken = this.jdbc.queryForObject("UPDATE metering_consumer SET runs = runs + 1 RETURNING runs",
				Long.class);
		this.run = (taken != null) ? taken : -1;
		if (this.run != this.lastRun + 1) {
			reset();
		}
	}

	/**
	 * Per supplier, the samples the last {@link #apply} dropped: duplicate, out of order.
	 */
	Map<UUID, long[]> dropped() {
		return this.dropped;
	}

	/** Feeds the chunk's samples to a new {@link RollupMath}, totals first. */
	RollupMath apply(ChunkSamples chunk) {
		this.dropped.clear();
		List<Integer> missing = new ArrayList<>();
		for (int g = 0; g < chunk.groups(); g++) {
			if (!this.series.containsKey(chunk.seriesId(g))) {
				missing.add(chunk.seriesId(g));
			}
		}
		load(missing);
		RollupMath math = new RollupMath();
		Map<Integer, SeriesTotals.Values> totalsAt = new HashMap<>();
		for (boolean totalsPass : new boolean[] { true, false }) {
			for (int g = 0; g < chunk.groups(); g++) {
				RollupMath.Series info = this.series.get(chunk.seriesId(g));
				if (info == null || info.instanceId() == null || SeriesTotals.isTotal(info.kind()) != totalsPass) {
					continue;
				}
				long[] drops = this.dropped.computeIfAbsent(this.suppliers.get(info.id()), (s) -> new long[2]);
				RollupMath.State state = state(info.id());
				if (totalsPass) {
					totalsAt.put(info.id(), SeriesTotals.Values.of(chunk, g, state));
				}
				Integer totalId = totalsPass ? null : this.totals.totalOf(info);
				SeriesTotals.Values total = (totalId != null) ? totalsAt.get(totalId) : null;
				double latest = (totalId != null) ? latest(totalId) : Double.NaN;
				for (int k = chunk.start(g); k < chunk.end(g); k++) {
					long ts = chunk.timestamp(k);
					double value = chunk.value(k);
					int outcome = math.add(info, state, ts, value, (total != null) ? total.at(ts, latest) : latest);
					if (outcome != 0) {
						drops[outcome - 1]++;
					}
				}
				this.changedBlocks.add(info.id() / BLOCK);
			}
		}
		return math;
	}

	private double latest(int totalId) {
		RollupMath.State state = state(totalId);
		return (state.lastTs != Long.MIN_VALUE) ? state.lastValue : Double.NaN;
	}

	private RollupMath.State state(int id) {
		RollupMath.State[] block = this.blocks.computeIfAbsent(id / BLOCK, (b) -> new RollupMath.State[BLOCK]);
		RollupMath.State state = block[id % BLOCK];
		if (state == null) {
			state = new RollupMath.State();
			block[id % BLOCK] = state;
		}
		return state;
	}

	/** Writes the blocks whose states changed, whole. */
	void save(RollupWriter writer) {
		if (this.changedBlocks.isEmpty()) {
			return;
		}
		int[] ids = new int[this.changedBlocks.size()];
		byte[][] packed = new byte[ids.length][];
		int i = 0;
		for (int block : this.changedBlocks) {
			RollupMath.State[] states = this.blocks.get(block);
			ByteBuffer bytes = ByteBuffer.allocate(BLOCK * BatchSamples.BYTES);
			for (int k = 0; k < BLOCK; k++) {
				RollupMath.State state = states[k];
				if (state != null && state.lastTs != Long.MIN_VALUE) {
					bytes.putInt(block * BLOCK + k).putLong(state.lastTs).putDouble(state.lastValue);
				}
			}
			ids[i] = block;
			packed[i++] = java.util.Arrays.copyOf(bytes.array(), bytes.position());
		}
		writer.saveStates(ids, packed);
	}

	void committed() {
		this.changedBlocks.clear();
		this.lastRun = this.run;
	}

	void reset() {
		this.lastRun = -1;
		this.suppliers.clear();
		this.series.clear();
		this.blocks.clear();
		this.changedBlocks.clear();
		this.totals.clear();
	}

	private void load(List<Integer> missing) {
		if (missing.isEmpty()) {
			return;
		}
		int[] ids = missing.stream().mapToInt(Integer::intValue).toArray();
		this.jdbc.query("""
				SELECT id, instance_id, kind, dimension, supplier_id FROM metering_series
				WHERE id = ANY(?::int[]) OR (kind IN (?, ?) AND instance_id IN
				      (SELECT instance_id FROM metering_series WHERE id = ANY(?::int[])))
				""", (ResultSet rs) -> {
			int id = rs.getInt(1);
			RollupMath.Series info = new RollupMath.Series(id, rs.getObject(2, UUID.class),
					SeriesKind.ofCode(rs.getShort(3)), rs.getString(4));
			this.suppliers.put(id, rs.getObject(5, UUID.class));
			if (this.series.putIfAbsent(id, info) == null) {
				this.totals.remember(info);
			}
		}, ids, (short) SeriesKind.MEM_TOTAL.ordinal(), (short) SeriesKind.FS_SIZE.ordinal(), ids);
		int[] wanted = this.series.keySet()
			.stream()
			.mapToInt((id) -> id / BLOCK)
			.distinct()
			.filter((block) -> !this.blocks.containsKey(block))
			.toArray();
		for (int block : wanted) {
			this.blocks.put(block, new RollupMath.State[BLOCK]);
		}
		this.jdbc.query("SELECT states FROM metering_series_state WHERE block = ANY(?::int[])", (ResultSet rs) -> {
			ByteBuffer states = ByteBuffer.wrap(rs.getBytes(1));
			while (states.remaining() >= BatchSamples.BYTES) {
				RollupMath.State state = state(states.getInt());
				state.lastTs = states.getLong();
				state.lastValue = states.getDouble();
			}
		}, (Object) wanted);
	}

}
