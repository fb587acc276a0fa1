package cn.govcloud.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.govcloud.audit.VerificationResult.Problem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the audit chain (C15): recomputes every record's SM3 hash and follows every
 * link from the last archived record (seq 1 before any archive, ADR 0037), and names the
 * first record that was modified, deleted or reordered (see {@link ChainCheck} for the
 * rules); then compares the head with the newest anchor published outside the database,
 * so that the newest records deleted are found too. The chain is read in pages of
 * {@value #PAGE_SIZE} by seq, so millions of records never sit in memory, within one
 * repeatable-read snapshot, so records appended meanwhile neither count nor confuse.
 */
@Service
public class AuditVerification {

	static final int PAGE_SIZE = 5_000;

	private final AuditEventRepository repository;

	private final AuditTrail trail;

	private final AuditArchives archives;

	private final ChainAnchor anchors;

	private final TransactionTemplate snapshot;

	AuditVerification(AuditEventRepository repository, AuditTrail trail, AuditArchives archives, ChainAnchor anchors,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.trail = trail;
		this.archives = archives;
		this.anchors = anchors;
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
			Checkpoint from = this.archives.checkpoint();
			ChainCheck chain = new ChainCheck(this.repository::hashExists, Instant.now(), from);
			long after = from.seq();
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
			return againstAnchor(chain, from);
		});
	}

	/**
	 * The head must reach the newest anchor, and the record the anchor names must still
	 * carry the anchored hash: else records after the head were deleted (TRUNCATED), or
	 * the chain was cut and grown again, or the anchor file altered (ANCHOR_MISMATCH).
	 */
	private VerificationResult againstAnchor(ChainCheck chain, Checkpoint from) {
		VerificationResult result = chain.result();
		Optional<ChainAnchor.Anchor> found = this.anchors.latest();
		if (!result.intact() || found.isEmpty()) {
			return result;
		}
		ChainAnchor.Anchor anchor = found.get();
		Checkpoint head = chain.last();
		if (!anchor.genuine()) {
			return VerificationResult.broken(result.checked(), head.seq(), Problem.ANCHOR_MISMATCH,
					result.verifiedAt());
		}
		if (head.seq() < anchor.seq()) {
			return VerificationResult.broken(result.checked(), head.seq() + 1, Problem.TRUNCATED, result.verifiedAt());
		}
		Optional<String> anchored = (anchor.seq() > from.seq())
				? this.repository.find(anchor.seq()).map(AuditRecord::hash)
				: this.archives.endingAt(anchor.seq()).map(ArchiveEntry::lastHash);
		if (anchored.isPresent() && !anchored.get().equals(anchor.hash())) {
			return VerificationResult.broken(result.checked(), anchor.seq(), Problem.ANCHOR_MISMATCH,
					result.verifiedAt());
		}
		return result;
	}

	private static String describe(VerificationResult result) {
		if (result.problem() == Problem.TRUNCATED) {
			return "TRUNCATED: records after seq " + (result.firstBadSeq() - 1) + " missing, checked="
					+ result.checked();
		}
		return result.intact() ? "intact, checked=" + result.checked()
				: result.problem() + " at seq " + result.firstBadSeq() + ", checked=" + result.checked();
	}

}
