package cn.govcloud.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one request's accepted samples durable before it is answered: the series first
 * seen (or re-matched) in it and one {@code metering_batch} row with its samples and
 * counts, in one transaction committed with {@code synchronous_commit = on}. Concurrent
 * requests commit in parallel; PostgreSQL flushes their commits together.
 */
@Component
class BatchLog {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Timer commits;

	private final SeriesRows series;

	private final SeriesRegistry registry;

	BatchLog(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters, SeriesRows series,
			SeriesRegistry registry) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.series = series;
		this.registry = registry;
		this.commits = Timer.builder("govcloud.metering.batch.commit")
			.description("Committing one request's samples durably")
			.register(meters);
	}

	void commit(UUID supplier, RequestIngest request) {
		if (request.received == 0) {
			return;
		}
		this.commits.record(() -> this.transactions.executeWithoutResult((status) -> {
			if (!request.unpersisted.isEmpty()) {
				this.series.save(supplier, request.unpersisted);
			}
			byte[] samples = request.samples.toArray();
			Map<Integer, Integer> aliases = this.registry.aliases();
			if (!aliases.isEmpty()) {
				BatchSamples.rewriteIds(samples, aliases);
			}
			IngestOutcome counts = request.outcome();
			// synchronous_commit = on for this transaction, set by the insert itself (one
			// round trip less per request than a SET LOCAL)
			this.jdbc.update("""
					WITH durable AS (SELECT set_config('synchronous_commit', 'on', true))
					INSERT INTO metering_batch (supplier_id, received, stored, ignored, duplicate, out_of_order,
					                            rejected, unmatched, samples)
					SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM durable
					""", supplier, counts.received(), counts.stored(), counts.ignored(), counts.duplicate(),
					counts.outOfOrder(), counts.rejected(), counts.unmatched(), samples);
			if (!request.held.isEmpty()) {
				hold(supplier, request.held, aliases);
			}
		}));
		request.unpersisted.forEach((entry) -> entry.persisted = true);
	}

	/**
	 * The samples of hosts not in the inventory, one row per host, until the host is
	 * recorded or they expire (ADR 0036).
	 */
	private void hold(UUID supplier, Map<String, BatchSamples> held, Map<Integer, Integer> aliases) {
		List<Object[]> rows = new ArrayList<>();
		held.forEach((host, samples) -> {
			byte[] bytes = samples.toArray();
			if (!aliases.isEmpty()) {
				BatchSamples.rewriteIds(bytes, aliases);
			}
			rows.add(new Object[] { supplier, host, bytes });
		});
		this.jdbc.batchUpdate("INSERT INTO metering_held (supplier_id, match_value, samples) VALUES (?, ?, ?)", rows);
	}

}
