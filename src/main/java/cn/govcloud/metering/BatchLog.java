package cn.govcloud.metering;

import java.util.ArrayList;
import java.util.List;
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

	BatchLog(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.commits = Timer.builder("govcloud.metering.batch.commit")
			.description("Committing one request's samples durably")
			.register(meters);
	}

	void commit(UUID supplier, RequestIngest request) {
		if (request.received == 0) {
			return;
		}
		this.commits.record(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute("SET LOCAL synchronous_commit = on");
			if (!request.unpersisted.isEmpty()) {
				saveSeries(supplier, request.unpersisted);
			}
			IngestOutcome counts = request.outcome();
			this.jdbc.update("""
					INSERT INTO metering_batch (supplier_id, received, stored, ignored, duplicate, out_of_order,
					                            rejected, unmatched, samples)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", supplier, counts.received(), counts.stored(), counts.ignored(), counts.duplicate(),
					counts.outOfOrder(), counts.rejected(), counts.unmatched(), request.samples.toArray());
		}));
		request.unpersisted.forEach((entry) -> entry.persisted = true);
	}

	private void saveSeries(UUID supplier, Iterable<SeriesEntry> entries) {
		List<Object[]> rows = new ArrayList<>();
		for (SeriesEntry entry : entries) {
			rows.add(new Object[] { entry.id, supplier, entry.key, entry.labels, (short) entry.kind.ordinal(),
					entry.dimension, entry.matchValue, entry.instanceId });
		}
		this.jdbc.batchUpdate("""
				INSERT INTO metering_series (id, supplier_id, label_key, labels, kind, dimension, match_value,
				                             instance_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
				ON CONFLICT (id) DO UPDATE SET instance_id = EXCLUDED.instance_id
				""", rows);
	}

}
