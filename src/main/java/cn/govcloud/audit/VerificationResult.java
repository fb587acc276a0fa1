package cn.govcloud.audit;

import java.time.Instant;

/**
 * What a verification of the audit chain found.
 *
 * @param intact whether every record verified and every link holds
 * @param checked how many records verified, in seq order, before the first bad one (all
 * of them when intact)
 * @param firstBadSeq where the chain breaks: the modified, reordered or first missing
 * record; null when intact
 * @param problem what is wrong there; null when intact
 * @param verifiedAt when the verification ran
 */
public record VerificationResult(boolean intact, long checked, Long firstBadSeq, Problem problem, Instant verifiedAt) {

	static VerificationResult intact(long checked, Instant verifiedAt) {
		return new VerificationResult(true, checked, null, null, verifiedAt);
	}

	static VerificationResult broken(long checked, long firstBadSeq, Problem problem, Instant verifiedAt) {
		return new VerificationResult(false, checked, firstBadSeq, problem, verifiedAt);
	}

	/** How the chain was tampered with. */
	public enum Problem {

		/** A record's content no longer matches its hash. */
		MODIFIED,

		/** A record is missing: the next one links to a hash that is gone. */
		DELETED,

		/**
		 * Records changed places (their seq values were swapped or renumbered): each
		 * still verifies alone, but the links run in another order.
		 */
		REORDERED,

		/**
		 * The newest records are missing: an anchor published outside the database names
		 * a later head than the database holds (ADR 0037).
		 */
		TRUNCATED,

		/**
		 * The record an anchor names no longer carries the anchored hash (the chain was
		 * cut and grown again), or the anchor itself is not GovCloud's.
		 */
		ANCHOR_MISMATCH

	}

}
