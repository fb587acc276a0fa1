package cn.govcloud.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import cn.govcloud.audit.VerificationResult.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification rules on an in-memory chain; the database version is in the
 * integration tests.
 */
class ChainCheckTests {

	private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

	private final List<AuditRecord> chain = chainOf(6);

	@Test
	void anIntactChainVerifiesEveryRecord() {
		assertThat(check(this.chain)).isEqualTo(VerificationResult.intact(6, NOW));
	}

	@Test
	void anEmptyChainIsIntact() {
		assertThat(check(List.of())).isEqualTo(VerificationResult.intact(0, NOW));
	}

	@Test
	void aChangedFieldIsModifiedAtThatRecord() {
		List<AuditRecord> tampered = new ArrayList<>(this.chain);
		AuditRecord third = tampered.get(2);
		tampered.set(2,
				new AuditRecord(third.seq(), third.occurredAt(), "someone-else", third.organization(), third.action(),
						third.target(), third.outcome(), third.clientAddress(), third.detail(), third.prevHash(),
						third.hash()));
		assertThat(check(tampered)).isEqualTo(VerificationResult.broken(2, 3, Problem.MODIFIED, NOW));
	}

	@Test
	void aMissingRecordIsDeletedAtItsSeq() {
		List<AuditRecord> tampered = new ArrayList<>(this.chain);
		tampered.remove(3);
		assertThat(check(tampered)).isEqualTo(VerificationResult.broken(3, 4, Problem.DELETED, NOW));
	}

	@Test
	void aMissingFirstRecordIsDeletedAtSeqOne() {
		assertThat(check(this.chain.subList(1, 6))).isEqualTo(VerificationResult.broken(0, 1, Problem.DELETED, NOW));
	}

	@Test
	void swappedSeqsAreReordered() {
		List<AuditRecord> tampered = new ArrayList<>(this.chain);
		AuditRecord second = tampered.get(1);
		AuditRecord third = tampered.get(2);
		tampered.set(1, withSeq(third, 2));
		tampered.set(2, withSeq(second, 3));
		assertThat(check(tampered)).isEqualTo(VerificationResult.broken(1, 2, Problem.REORDERED, NOW));
	}

	@Test
	void aReplacedRecordWithMatchingHashIsDeletedWhereItsPredecessorIsGone() {
		// record 3 replaced by a forged one hashed correctly: record 4 links to a hash
		// nobody carries any more
		List<AuditRecord> tampered = new ArrayList<>(this.chain);
		AuditRecord third = tampered.get(2);
		AuditRecord forged = new AuditRecord(3, third.occurredAt(), "forger", null, "login", null, "SUCCESS", "-", null,
				third.prevHash(), null);
		tampered.set(2, withHash(forged));
		assertThat(check(tampered)).isEqualTo(VerificationResult.broken(3, 4, Problem.DELETED, NOW));
	}

	@Test
	void renumberedRecordsWithIntactLinksAreReordered() {
		List<AuditRecord> tampered = new ArrayList<>(this.chain);
		tampered.set(5, withSeq(tampered.get(5), 9));
		assertThat(check(tampered)).isEqualTo(VerificationResult.broken(5, 9, Problem.REORDERED, NOW));
	}

	private static VerificationResult check(List<AuditRecord> records) {
		Predicate<String> hashExists = (hash) -> records.stream().anyMatch((r) -> r.hash().equals(hash));
		ChainCheck check = new ChainCheck(hashExists, NOW);
		for (AuditRecord record : records) {
			if (!check.accept(record)) {
				break;
			}
		}
		return check.result();
	}

	private static List<AuditRecord> chainOf(int length) {
		List<AuditRecord> records = new ArrayList<>();
		String prev = AuditHash.GENESIS;
		for (int seq = 1; seq <= length; seq++) {
			AuditRecord record = withHash(new AuditRecord(seq, NOW.plusSeconds(seq), "user" + seq, "单位", "login",
					"user:" + seq, "SUCCESS", "10.0.0." + seq, (seq % 2 == 0) ? null : "detail " + seq, prev, null));
			records.add(record);
			prev = record.hash();
		}
		return records;
	}

	private static AuditRecord withHash(AuditRecord r) {
		return new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.organization(), r.action(), r.target(),
				r.outcome(), r.clientAddress(), r.detail(), r.prevHash(), AuditHash.of(r));
	}

	private static AuditRecord withSeq(AuditRecord r, long seq) {
		return new AuditRecord(seq, r.occurredAt(), r.actor(), r.organization(), r.action(), r.target(), r.outcome(),
				r.clientAddress(), r.detail(), r.prevHash(), r.hash());
	}

}
