package cn.govcloud.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends many records of actions that happened at given times (a generated world, ADR
 * 0013) to the chain in one go: under the same lock and with the same hash as
 * {@link AuditTrail}, in the order of their times, in batches.
 */
@Service
public class AuditBackfill {

	private static final int BATCH = 2000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	AuditBackfill(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** One past action: who, of which organisation, did what to what, when. */
	public record PastEvent(Instant occurredAt, String actor, String organization, String action, String target,
			String detail) {
	}

	/** Chains and stores the events, oldest first; returns how many were stored. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int append(List<PastEvent> events) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", AuditTrail.CHAIN_LOCK).query().singleRow();
		long[] seq = { 0 };
		String[] hash = { AuditHash.GENESIS };
		this.jdbc.sql(AuditTrail.HEAD).query((rs) -> {
			seq[0] = rs.getLong(1);
			hash[0] = rs.getString(2);
		});
		List<PastEvent> sorted = new ArrayList<>(events);
		sorted.sort(Comparator.comparing(PastEvent::occurredAt));
		List<Object[]> rows = new ArrayList<>(BATCH);
		for (PastEvent event : sorted) {
			AuditRecord record = new AuditRecord(++seq[0], event.occurredAt().truncatedTo(ChronoUnit.MICROS),
					truncate(event.actor(), 100), truncate(event.organization(), 200), truncate(event.action(), 100),
					truncate(event.target(), 500), AuditOutcome.SUCCESS.name(), null, event.detail(), hash[0], null);
			hash[0] = AuditHash.of(record);
			rows.add(new Object[] { record.seq(), Timestamp.from(record.occurredAt()), record.actor(),
					record.organization(), record.action(), record.target(), record.outcome(), record.detail(),
					record.prevHash(), hash[0] });
			if (rows.size() == BATCH) {
				insert(rows);
			}
		}
		insert(rows);
		return sorted.size();
	}

	private void insert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.template.batchUpdate("""
				INSERT INTO audit_event (seq, occurred_at, actor, organization, action, target, outcome, client_address,
				                         detail, prev_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)
				""", rows);
		rows.clear();
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
