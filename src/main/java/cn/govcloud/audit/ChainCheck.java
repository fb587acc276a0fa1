package cn.govcloud.audit;

import java.time.Instant;
import java.util.function.Predicate;

import cn.govcloud.audit.VerificationResult.Problem;

/**
 * Walks the chain one record at a time, in seq order, and stops at the first bad record.
 * A record is bad when its hash does not match its content (modified), or when its
 * {@code prev_hash} is not the hash of the record before it: then a gap in seq means
 * records were deleted (the first missing seq is named); a {@code prev_hash} that some
 * other record carries means records changed places (reordered); otherwise the record it
 * linked to is gone (deleted). Seq is not part of the hash, so a seq gap across an intact
 * link means records were renumbered (reordered).
 */
final class ChainCheck {

	private final Predicate<String> hashExists;

	private final Instant startedAt;

	private final Checkpoint from;

	private AuditRecord previous;

	private long checked;

	private VerificationResult broken;

	/**
	 * @param hashExists whether some record of the trail carries a hash (an index lookup)
	 */
	ChainCheck(Predicate<String> hashExists, Instant startedAt) {
		this(hashExists, startedAt, Checkpoint.GENESIS);
	}

	/**
	 * @param from the record the chain continues from: the last archived one, or
	 * {@link Checkpoint#GENESIS}
	 */
	ChainCheck(Predicate<String> hashExists, Instant startedAt, Checkpoint from) {
		this.hashExists = hashExists;
		this.startedAt = startedAt;
		this.from = from;
	}

	/**
	 * Checks the next record.
	 * @return whether the chain still holds, i.e. whether to go on
	 */
	boolean accept(AuditRecord record) {
		if (this.broken != null) {
			return false;
		}
		long expectedSeq = (this.previous != null) ? this.previous.seq() + 1 : this.from.seq() + 1;
		String expectedPrevHash = (this.previous != null) ? this.previous.hash() : this.from.hash();
		if (!AuditHash.of(record).equals(record.hash())) {
			return fail(record.seq(), Problem.MODIFIED);
		}
		if (!record.prevHash().equals(expectedPrevHash)) {
			if (record.seq() != expectedSeq) {
				return fail(expectedSeq, Problem.DELETED);
			}
			return fail(record.seq(), this.hashExists.test(record.prevHash()) ? Problem.REORDERED : Problem.DELETED);
		}
		if (record.seq() != expectedSeq) {
			return fail(record.seq(), Problem.REORDERED);
		}
		this.previous = record;
		this.checked++;
		return true;
	}

	/** The last record that verified, or where the check started. */
	Checkpoint last() {
		return (this.previous != null) ? new Checkpoint(this.previous.seq(), this.previous.hash()) : this.from;
	}

	VerificationResult result() {
		return (this.broken != null) ? this.broken : VerificationResult.intact(this.checked, this.startedAt);
	}

	private boolean fail(long seq, Problem problem) {
		this.broken = VerificationResult.broken(this.checked, seq, problem, this.startedAt);
		return false;
	}

}
