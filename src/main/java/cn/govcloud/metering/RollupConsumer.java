package cn.govcloud.metering;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.Timestamps;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background consumer (ADR 0010): takes committed batches in id order, turns their
 * samples into 5-minute rollups and, in the same transaction, saves the series' state,
 * adds the batches' counts to the totals and deletes the batches — so after a crash every
 * batch is merged exactly once. Then seals finished hours and days, and once an hour
 * drops partitions past retention. The batches are locked while merged, so consumers on
 * several nodes never merge one twice; one consumer keeps the rates' order best (set
 * {@code govcloud.metering.consumer.enabled=false} on other nodes).
 * {@link ConsumerSchedule} runs it on one node at a time.
 */
@Component
class RollupConsumer {

	private static final Logger log = LoggerFactory.getLogger(RollupConsumer.class);

	private static final int BATCHES_PER_RUN = 600;

	/**
	 * How long a batch is committed before it is merged: a batch takes its id when it is
	 * inserted and commits a moment later, so one with a lower id may commit after one
	 * with a higher id. A request commits within milliseconds of its insert; a quarter of
	 * a second keeps the merge in id order with room to spare, and rollups readable a
	 * second sooner than with the second it was (issue 12's end-to-end rate).
	 */
	private static final Duration SETTLE = Duration.ofMillis(250);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final RollupWriter writer;

	private final Partitions partitions;

	private final ConsumerState state;

	private final DayPacker packer;

	private final boolean enabled;

	private final AtomicLong lagSeconds = new AtomicLong();

	RollupConsumer(JdbcTemplate jdbc, TransactionTemplate transactions, RollupWriter writer, DayPacker packer,
			MeterRegistry meters, @Value("${govcloud.metering.consumer.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.writer = writer;
		this.packer = packer;
		this.partitions = writer.partitions();
		this.state = new ConsumerState(new ConsumerStateStore(jdbc));
		this.enabled = enabled;
		Gauge.builder("govcloud.metering.consumer.lag", this.lagSeconds, AtomicLong::get)
			.description("Age in seconds of the oldest batch not yet rolled up")
			.baseUnit("seconds")
			.register(meters);
	}

	/** One run: merges the backlog a little at a time, then packs and seals. */
	void run() {
		if (!this.enabled) {
			return;
		}
		try {
			long started = System.nanoTime();
			while (consume(SETTLE) == BATCHES_PER_RUN
					&& System.nanoTime() - started < Duration.ofSeconds(20).toNanos()) {
				// keep going while there is a backlog, a little at a time per transaction
			}
			seal(Instant.now());
			Long lag = this.jdbc.queryForObject(
					"SELECT coalesce(extract(epoch FROM clock_timestamp() - min(received_at)), 0)::bigint FROM metering_batch",
					Long.class);
			this.lagSeconds.set((lag != null) ? lag : 0);
		}
		catch (RuntimeException ex) {
			log.warn("Metering: the rollup consumer failed; it starts again from the database", ex);
			this.state.reset();
			this.partitions.forget();
		}
	}

	/**
	 * Merges up to {@value #BATCHES_PER_RUN} batches committed at least {@code settle}
	 * ago (so none committing out of id order is skipped).
	 * @return how many batches were merged
	 */
	synchronized int consume(Duration settle) {
		try {
			Integer merged = this.transactions.execute((status) -> {
				this.state.begin();
				List<Batch> batches = new ArrayList<>();
				ChunkSamples chunk = new ChunkSamples();
				// fetched 50 at a time, so the batches' bytes are never all in memory at
				// once
				this.jdbc.query((connection) -> {
					PreparedStatement statement = connection.prepareStatement(
							"""
									SELECT id, supplier_id, received, stored, ignored, duplicate, out_of_order, rejected, unmatched,
									       samples
									FROM metering_batch WHERE received_at < clock_timestamp() - make_interval(secs => ?)
									ORDER BY id LIMIT ? FOR UPDATE
									""");
					statement.setFetchSize(50);
					// the samples in binary from the first execution, not as hex text
					BinaryResults.binary(statement);
					statement.setDouble(1, settle.toMillis() / 1000.0);
					statement.setInt(2, BATCHES_PER_RUN);
					return statement;
				}, (ResultSet rs) -> {
					long[] counts = { rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
							rs.getLong(8), rs.getLong(9), 1 };
					batches.add(new Batch(rs.getLong(1), rs.getObject(2, UUID.class), counts));
					// the samples go straight into the chunk: no batch's bytes kept
					chunk.add(rs.getBytes(10));
				});
				if (!batches.isEmpty()) {
					merge(batches, chunk);
				}
				return batches.size();
			});
			this.state.committed();
			return (merged != null) ? merged : 0;
		}
		catch (RuntimeException ex) {
			this.state.reset();
			this.partitions.forget();
			throw ex;
		}
	}

	private void merge(List<Batch> batches, ChunkSamples chunk) {
		Map<UUID, long[]> totals = new HashMap<>();
		long[] ids = new long[batches.size()];
		for (int b = 0; b < batches.size(); b++) {
			Batch batch = batches.get(b);
			ids[b] = batch.id();
			long[] sum = totals.computeIfAbsent(batch.supplier(), (s) -> new long[8]);
			for (int i = 0; i < 8; i++) {
				sum[i] += batch.counts()[i];
			}
		}
		chunk.group();
		RollupMath math = this.state.apply(chunk);
		this.state.dropped().forEach((supplier, drops) -> {
			// stored on another node too, or older than its series: not stored after all
			long[] sum = totals.computeIfAbsent(supplier, (s) -> new long[8]);
			sum[1] -= drops[0] + drops[1];
			sum[3] += drops[0];
			sum[4] += drops[1];
		});
		Map<RollupMath.CellKey, RollupMath.Cell> cells = math.cells();
		if (!cells.isEmpty()) {
			long earliest = Long.MAX_VALUE;
			long latest = Long.MIN_VALUE;
			for (RollupMath.CellKey key : cells.keySet()) {
				earliest = Math.min(earliest, key.bucket());
				latest = Math.max(latest, key.bucket());
			}
			this.partitions.ensureRange(Partitions.Table.FIVE_MINUTES, Instant.ofEpochMilli(earliest),
					Instant.ofEpochMilli(latest).plus(Duration.ofDays(1)));
			this.writer.mergeCells(cells);
			this.writer.reopen(Instant.ofEpochMilli(earliest));
		}
		this.state.save();
		this.writer.foldTotals(totals);
		this.writer.deleteBatches(ids);
	}

	/**
	 * Packs the UTC days ended over ten minutes ago (one transaction each), then seals
	 * the city days ended before the last hour ended over ten minutes ago.
	 */
	synchronized void seal(Instant now) {
		Instant hourTarget = now.minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.HOURS);
		Instant packTarget = hourTarget.truncatedTo(ChronoUnit.DAYS);
		Instant packed = watermark("sealed_hour", """
				SELECT date_trunc('day', least((SELECT min(bucket) FROM metering_5m),
				                               (SELECT min(bucket) FROM metering_5m_hour)), 'UTC')
				""");
		long started = System.nanoTime();
		while (packed != null && packed.isBefore(packTarget)
				&& System.nanoTime() - started < Duration.ofSeconds(20).toNanos()) {
			// a day per transaction; after 20 s the next run goes on, so batches are
			// merged in between
			Instant day = packed;
			this.transactions.executeWithoutResult((status) -> {
				this.packer.pack(day);
				this.jdbc.update("UPDATE metering_consumer SET sealed_hour = ?",
						Timestamp.from(day.plus(Duration.ofDays(1))));
			});
			packed = day.plus(Duration.ofDays(1));
		}
		Instant dayTarget = hourTarget.atZone(CityTime.ZONE).truncatedTo(ChronoUnit.DAYS).toInstant();
		this.transactions.executeWithoutResult((status) -> {
			Instant sealedDay = watermark("sealed_day", """
					SELECT date_trunc('day', least((SELECT min(bucket) FROM metering_5m),
					                               (SELECT min(bucket) FROM metering_5m_hour),
					                               (SELECT min(bucket) FROM metering_5m_day)), 'Asia/Shanghai')
					""");
			if (sealedDay != null && sealedDay.isBefore(dayTarget)) {
				this.partitions.ensureRange(Partitions.Table.DAILY, sealedDay, dayTarget);
				this.writer.sealDays(sealedDay, dayTarget);
				this.jdbc.update("UPDATE metering_consumer SET sealed_day = ?", Timestamp.from(dayTarget));
			}
		});
	}

	private Instant watermark(String column, String initial) {
		Timestamp mark = this.jdbc.queryForObject("SELECT " + column + " FROM metering_consumer", Timestamp.class);
		if (mark == null) {
			mark = this.jdbc.queryForObject(initial, Timestamp.class);
		}
		return Timestamps.instant(mark);
	}

	private record Batch(long id, UUID supplier, long[] counts) {
	}

}
