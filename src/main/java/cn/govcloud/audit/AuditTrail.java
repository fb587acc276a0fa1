package cn.govcloud.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import cn.govcloud.shared.ClientAddress;
import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.GovCloudPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records audit events. Called inside the transaction of the action it records, so the
 * record and the change commit or roll back together. Records are chained: each carries
 * the SM3 hash of its content and of the previous record's hash; appends are serialised
 * by a transaction-scoped advisory lock so the chain never forks across nodes.
 */
@Service
public class AuditTrail {

	/** The actor of GovCloud's own scheduled work. */
	static final String SYSTEM = "system";

	/** Advisory lock key that serialises appends to the chain. */
	static final long CHAIN_LOCK = 0x60_7C_10_0D_A0_D1_7L;

	/**
	 * The chain's head: the newest record, or the last archived one when every record has
	 * been archived and pruned (ADR 0037).
	 */
	static final String HEAD = """
			SELECT seq, hash FROM (SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1) e
			UNION ALL
			SELECT last_seq, last_hash FROM (SELECT last_seq, last_hash FROM audit_archive ORDER BY last_seq DESC LIMIT 1) a
			ORDER BY 1 DESC LIMIT 1
			""";

	private final JdbcClient jdbc;

	/** The last count of {@link #countSince}, for the next. */
	private volatile SinceTally sinceTally;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an action of the signed-in caller. */
	@Transactional
	public void record(String action, String target, AuditOutcome outcome) {
		record(action, target, outcome, null);
	}

	/**
	 * Records an action of the signed-in caller with a free-text detail (e.g. what
	 * changed).
	 */
	@Transactional
	public void record(String action, String target, AuditOutcome outcome, String detail) {
		GovCloudPrincipal caller = CurrentUser.find().orElse(null);
		String actor = (caller != null) ? caller.username() : "anonymous";
		String organization = (caller != null) ? caller.organizationName() : null;
		recordAs(actor, organization, action, target, outcome, detail);
	}

	/**
	 * Records an action whose actor is not (yet) signed in, such as a login attempt or a
	 * job.
	 */
	@Transactional
	public void recordAs(String actor, String organization, String action, String target, AuditOutcome outcome,
			String detail) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query().singleRow();
		ChainHead head = this.jdbc.sql(HEAD)
			.query((rs, n) -> new ChainHead(rs.getLong("seq"), rs.getString("hash")))
			.optional()
			.orElse(ChainHead.GENESIS);
		AuditRecord record = new AuditRecord(head.seq() + 1, Instant.now().truncatedTo(ChronoUnit.MICROS),
				truncate(actor, 100), truncate(organization, 200), truncate(action, 100), truncate(target, 500),
				outcome.name(), truncate(ClientAddress.current(), 100), detail, head.hash(), null);
		String hash = AuditHash.of(record);
		this.jdbc.sql("""
				INSERT INTO audit_event (seq, occurred_at, actor, organization, action, target, outcome,
				                         client_address, detail, prev_hash, hash)
				VALUES (:seq, :occurredAt, :actor, :organization, :action, :target, :outcome,
				        :clientAddress, :detail, :prevHash, :hash)
				""")
			.param("seq", record.seq())
			.param("occurredAt", java.sql.Timestamp.from(record.occurredAt()))
			.param("actor", record.actor())
			.param("organization", record.organization())
			.param("action", record.action())
			.param("target", record.target())
			.param("outcome", record.outcome())
			.param("clientAddress", record.clientAddress())
			.param("detail", record.detail())
			.param("prevHash", record.prevHash())
			.param("hash", hash)
			.update();
	}

	/**
	 * How many records the trail holds online, for dashboards: the span of its sequence
	 * numbers, which the chain hands out one after the other and the archive prunes from
	 * the oldest end (two index probes, not a count of every record; issue 13). A record
	 * removed from the middle is not found here but by the chain's verification.
	 */
	public long count() {
		return this.jdbc.sql("SELECT coalesce(max(seq) - min(seq) + 1, 0) FROM audit_event").query(Long.class).single();
	}

	/**
	 * How many records since {@code from}, for dashboards. The count is kept with the
	 * highest sequence number it has seen, and each call adds the records chained since:
	 * counting a busy day's 150,000 reads again took 50–90 ms at each view of the audit
	 * administrator's dashboard (issue 13, ADR 0052). Records are only appended, each
	 * chain append committed before the next takes its number (the chain's lock), and the
	 * archive prunes only months long past, so the sum stays exact. A new moment starts
	 * from sequence number 0: one pass over the trail.
	 */
	public long countSince(Instant from) {
		SinceTally kept = this.sinceTally;
		SinceTally base = (kept != null && kept.from().equals(from)) ? kept : new SinceTally(from, 0, 0);
		SinceTally tally = this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE occurred_at >= :from), coalesce(max(seq), :seq)
				FROM audit_event WHERE seq > :seq
				""")
			.param("from", java.sql.Timestamp.from(from))
			.param("seq", base.seq())
			.query((rs, n) -> new SinceTally(from, rs.getLong(2), base.count() + rs.getLong(1)))
			.single();
		this.sinceTally = tally;
		return tally.count();
	}

	/** A count of the records since {@code from} up to sequence number {@code seq}. */
	private record SinceTally(Instant from, long seq, long count) {
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	private record ChainHead(long seq, String hash) {

		static final ChainHead GENESIS = new ChainHead(0, AuditHash.GENESIS);

	}

}
