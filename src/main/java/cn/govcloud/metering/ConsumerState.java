package cn.govcloud.metering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * {@link SeriesTotals}'. The SQL is {@link ConsumerStateStore}'s.
 */
final class ConsumerState {

	static final int BLOCK = 1000;

	private final ConsumerStateStore store;

	/**
	 * The series loaded, their supplier, state and total, per block of {@link #BLOCK} ids
	 * (index: id / {@link #BLOCK}): arrays, not maps of boxed ids — the consumer looks a
	 * series up for each series of each chunk, 330,000 of them at tier L.
	 */
	private Block[] blocks = new Block[64];

	/** The blocks whose states changed in this transaction. */
	private final BitSet changedBlocks = new BitSet();

	private final SeriesTotals totals = new SeriesTotals();

	/**
	 * Per supplier, the samples the last {@link #apply} dropped: duplicate, out of order.
	 */
	private final Map<UUID, long[]> dropped = new HashMap<>();

	/** The consumer transaction this view is current after; -1: read it again. */
	private long lastRun = -1;

	private long run = -1;

	ConsumerState(ConsumerStateStore store) {
		this.store = store;
	}

	/**
	 * Starts a consumer transaction: takes the consumer row (consumers of several nodes
	 * merge one after another) and forgets the view if another node merged since.
	 */
	void begin() {
		this.run = this.store.takeRun();
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
		int[] missing = new int[chunk.groups()];
		int missingCount = 0;
		for (int g = 0; g < chunk.groups(); g++) {
			if (info(chunk.seriesId(g)) == null) {
				missing[missingCount++] = chunk.seriesId(g);
			}
		}
		load(Arrays.copyOf(missing, missingCount));
		RollupMath math = new RollupMath();
		// the totals' values in this chunk, by the total's id, cleared when done
		List<Block> withValues = new ArrayList<>();
		UUID lastSupplier = null;
		long[] drops = null;
		for (boolean totalsPass : new boolean[] { true, false }) {
			for (int g = 0; g < chunk.groups(); g++) {
				int id = chunk.seriesId(g);
				Block block = block(id);
				RollupMath.Series info = block.series[id % BLOCK];
				if (info == null || info.instanceId() == null || SeriesTotals.isTotal(info.kind()) != totalsPass) {
					continue;
				}
				UUID supplier = block.suppliers[id % BLOCK];
				if (drops == null || !supplier.equals(lastSupplier)) {
					drops = this.dropped.computeIfAbsent(supplier, (s) -> new long[2]);
					lastSupplier = supplier;
				}
				RollupMath.State state = state(id);
				if (totalsPass) {
					if (block.values == null) {
						block.values = new SeriesTotals.Values[BLOCK];
						withValues.add(block);
					}
					block.values[id % BLOCK] = SeriesTotals.Values.of(chunk, g, state);
				}
				int totalId = totalsPass ? 0 : totalOf(block, info);
				SeriesTotals.Values total = null;
				double latest = Double.NaN;
				if (totalId != 0) {
					Block totalBlock = block(totalId);
					total = (totalBlock.values != null) ? totalBlock.values[totalId % BLOCK] : null;
					latest = latest(totalId);
				}
				for (int k = chunk.start(g); k < chunk.end(g); k++) {
					long ts = chunk.timestamp(k);
					double value = chunk.value(k);
					int outcome = math.add(info, state, ts, value, (total != null) ? total.at(ts, latest) : latest);
					if (outcome != 0) {
						drops[outcome - 1]++;
					}
				}
				this.changedBlocks.set(id / BLOCK);
			}
		}
		withValues.forEach((block) -> block.values = null);
		return math;
	}

	/** The id of the total a ratio's series divides by, or 0 (none, or none yet). */
	private int totalOf(Block block, RollupMath.Series info) {
		int at = info.id() % BLOCK;
		if (block.totals[at] == 0) {
			Integer id = this.totals.totalOf(info);
			if (id != null) {
				block.totals[at] = id;
			}
		}
		return block.totals[at];
	}

	/** The series loaded with this id, or null. */
	private RollupMath.Series info(int id) {
		int b = id / BLOCK;
		return (b < this.blocks.length && this.blocks[b] != null) ? this.blocks[b].series[id % BLOCK] : null;
	}

	private Block block(int id) {
		int b = id / BLOCK;
		if (b >= this.blocks.length) {
			this.blocks = Arrays.copyOf(this.blocks, Math.max(b + 1, this.blocks.length * 2));
		}
		Block block = this.blocks[b];
		if (block == null) {
			block = new Block();
			this.blocks[b] = block;
		}
		return block;
	}

	private double latest(int totalId) {
		RollupMath.State state = state(totalId);
		return (state.lastTs != Long.MIN_VALUE) ? state.lastValue : Double.NaN;
	}

	private RollupMath.State state(int id) {
		Block block = block(id);
		if (block.states == null) {
			block.states = new RollupMath.State[BLOCK];
		}
		RollupMath.State state = block.states[id % BLOCK];
		if (state == null) {
			state = new RollupMath.State();
			block.states[id % BLOCK] = state;
		}
		return state;
	}

	/** Writes the blocks whose states changed, whole. */
	void save() {
		if (this.changedBlocks.isEmpty()) {
			return;
		}
		int[] ids = this.changedBlocks.stream().toArray();
		RollupMath.State[][] states = new RollupMath.State[ids.length][];
		for (int i = 0; i < ids.length; i++) {
			states[i] = this.blocks[ids[i]].states;
		}
		this.store.saveStates(ids, states);
	}

	void committed() {
		this.changedBlocks.clear();
		this.lastRun = this.run;
	}

	void reset() {
		this.lastRun = -1;
		this.blocks = new Block[64];
		this.changedBlocks.clear();
		this.totals.clear();
	}

	private void load(int[] ids) {
		if (ids.length == 0) {
			return;
		}
		BitSet wanted = new BitSet();
		this.store.loadSeries(ids, (info, supplier) -> {
			int id = info.id();
			Block block = block(id);
			if (block.series[id % BLOCK] == null) {
				block.series[id % BLOCK] = info;
				block.suppliers[id % BLOCK] = supplier;
				this.totals.remember(info);
			}
			if (block.states == null) {
				block.states = new RollupMath.State[BLOCK];
				wanted.set(id / BLOCK);
			}
		});
		if (wanted.isEmpty()) {
			return;
		}
		this.store.loadStates(wanted.stream().toArray(), this::state);
	}

	/** A block of {@link #BLOCK} series ids. */
	private static final class Block {

		final RollupMath.Series[] series = new RollupMath.Series[BLOCK];

		final UUID[] suppliers = new UUID[BLOCK];

		/** The id of each ratio's total, once found; 0 while not. */
		final int[] totals = new int[BLOCK];

		/**
		 * The series' last samples: null until read from {@code metering_series_state}.
		 */
		RollupMath.State[] states;

		/** During {@link #apply}: the totals' values in the chunk. */
		SeriesTotals.Values[] values;

	}

}
