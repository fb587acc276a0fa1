package cn.govcloud.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the audit chain (C15): recomputes every record's SM3 hash and follows every
 * link from seq 1, and names the first record that was modified, deleted or reordered
 * (see {@link ChainCheck} for the rules). The chain is read in pages of
 * {@value #PAGE_SIZE} by seq, so millions of records never sit in memory, within one
 * repeatable-read snapshot, so records appended meanwhile neither count nor confuse.
 */
@Service
public class AuditVerification {

	static final int PAGE_SIZE = 5_000;

	private final AuditEventRepository repository;

	private final AuditTrail trail;

	private final TransactionTemplate snapshot;

	AuditVerification(AuditEventRepository repository, AuditTrail trail, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.trail = trail;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * Verifies the whole chain and records the verification in the trail
	 * ({@code audit.verify}; outcome FAILURE when the chain is broken).
	 */
	public VerificationResult verify() {
		VerificationResult result = check();
		this.trail.record("audit.verify", "audit_event", result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
				describe(result));
		return result;
	}

	/** Verifies the whole chain without recording anything. */
	VerificationResult check() {
		return this.snapshot.execute((status) -> {
			ChainCheck chain = new ChainCheck(this.repository::hashExists, Instant.now());
			long after = 0;
			List<AuditRecord> page = this.repository.chainAfter(after, PAGE_SIZE);
			while (!page.isEmpty()) {
				for (AuditRecord record : page) {
					if (!chain.accept(record)) {
						return chain.result();
					}
				}
				after = page.get(page.size() - 1).seq();
				page = this.repository.chainAfter(after, PAGE_SIZE);
			}
			return chain.result();
		});
	}

	private static String describe(VerificationResult result) {
		return result.intact() ? "intact, checked=" + result.checked()
				: result.problem() + " at seq " + result.firstBadSeq() + ", checked=" + result.checked();
	}

}
