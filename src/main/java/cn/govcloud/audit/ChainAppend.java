package cn.govcloud.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends many records to the end of the chain in the caller's transaction: under the
 * chain's advisory lock (as {@link AuditTrail}), each hashed by {@link AuditHash} over
 * the one before, in the order given, written in JDBC batches. Used by
 * {@link AuditBackfill} (a generated world) and {@link ReadAuditWriter} (reads of other
 * organisations, queued by their requests).
 */
final class ChainAppend {

	private static final int BATCH = 2000;

	private ChainAppend() {
	}

	/** A record to append: everything but its place in the chain. */
	record Entry(Instant occurredAt, String actor, String organization, String action, String target,
			AuditOutcome outcome, String clientAddress, String detail) {
	}

	/** Appends the entries in the order given; returns how many were appended. */
	static int append(JdbcClient jdbc, JdbcTemplate template, List<Entry> entries) {
		jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", AuditTrail.CHAIN_LOCK).query().singleRow();
		long[] seq = { 0 };
		String[] hash = { AuditHash.GENESIS };
		// the newest record, else the last archived one (ADR 0037)
		jdbc.sql(AuditTrail.HEAD).query((rs) -> {
			seq[0] = rs.getLong(1);
			hash[0] = rs.getString(2);
		});
		List<Object[]> rows = new ArrayList<>(Math.min(BATCH, entries.size()));
		for (Entry entry : entries) {
			AuditRecord record = new AuditRecord(++seq[0], entry.occurredAt().truncatedTo(ChronoUnit.MICROS),
					truncate(entry.actor(), 100), truncate(entry.organization(), 200), truncate(entry.action(), 100),
					truncate(entry.target(), 500), entry.outcome().name(), truncate(entry.clientAddress(), 100),
					entry.detail(), hash[0], null);
			hash[0] = AuditHash.of(record);
			rows.add(new Object[] { record.seq(), Timestamp.from(record.occurredAt()), record.actor(),
					record.organization(), record.action(), record.target(), record.outcome(), record.clientAddress(),
					record.detail(), record.prevHash(), hash[0] });
			if (rows.size() == BATCH) {
				insert(template, rows);
			}
		}
		insert(template, rows);
		return entries.size();
	}

	private static void insert(JdbcTemplate template, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		template.batchUpdate("""
				INSERT INTO audit_event (seq, occurred_at, actor, organization, action, target, outcome, client_address,
				                         detail, prev_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows);
		rows.clear();
	}

	static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
