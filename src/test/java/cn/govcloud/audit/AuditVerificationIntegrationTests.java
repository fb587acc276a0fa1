package cn.govcloud.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.audit.VerificationResult.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the stored chain is found and named. The tampering runs as the database
 * superuser with triggers off ({@code session_replication_role = replica}, for the one
 * transaction only), the way an intruder with the database password would. Every test
 * puts the rows back exactly as they were, because all test classes share the database
 * and the chain.
 */
@GovCloudIntegrationTest
class AuditVerificationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditVerification verification;

	@Autowired
	AuditEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	/** Four fresh records; tampering stays behind the chain's head. */
	List<Long> written;

	@BeforeEach
	void writeRecords() {
		assertThat(this.verification.check().intact()).as("chain intact before the test").isTrue();
		String marker = "verification-test:" + UUID.randomUUID();
		for (int i = 0; i < 4; i++) {
			this.trail.recordAs("tester", "测试单位", "test.verification", marker, AuditOutcome.SUCCESS,
					(i % 2 == 0) ? "detail " + i : null);
		}
		this.written = this.jdbc.sql("SELECT seq FROM audit_event WHERE target = :marker ORDER BY seq")
			.param("marker", marker)
			.query(Long.class)
			.list();
		assertThat(this.written).hasSize(4);
	}

	@Test
	void anIntactChainVerifiesAndTheVerificationIsRecorded() {
		long head = head();
		VerificationResult result = this.verification.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.checked()).isEqualTo(head);
		assertThat(result.firstBadSeq()).isNull();
		assertThat(result.problem()).isNull();
		AuditRecord recorded = this.events.find(head + 1).orElseThrow();
		assertThat(recorded.action()).isEqualTo("audit.verify");
		assertThat(recorded.outcome()).isEqualTo("SUCCESS");
		assertThat(recorded.detail()).isEqualTo("intact, checked=" + head);
	}

	@Test
	void aModifiedFieldIsNamed() {
		long seq = this.written.get(1);
		AuditRecord original = this.events.find(seq).orElseThrow();
		try {
			asIntruder((db) -> db.sql("UPDATE audit_event SET actor = 'someone-else' WHERE seq = :seq")
				.param("seq", seq)
				.update());
			VerificationResult result = this.verification.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).isEqualTo(Problem.MODIFIED);
			assertThat(result.firstBadSeq()).isEqualTo(seq);
			assertThat(result.checked()).isEqualTo(seq - 1);
			AuditRecord recorded = this.events.find(head()).orElseThrow();
			assertThat(recorded.action()).isEqualTo("audit.verify");
			assertThat(recorded.outcome()).isEqualTo("FAILURE");
			assertThat(recorded.detail()).isEqualTo("MODIFIED at seq " + seq + ", checked=" + (seq - 1));

			TestClient auditor = TestClient.signedIn(this.port, "auditadmin");
			auditor.get("/audit/verification?lang=en");
			String page = auditor.postForm("/audit/verification", Map.of()).body();
			assertThat(page).contains("id=\"verification-broken\"")
				.contains("The audit chain breaks at record " + seq + ".")
				.contains("Record modified")
				.contains("id=\"bad-record\"")
				.contains("someone-else");
		}
		finally {
			asIntruder((db) -> db.sql("UPDATE audit_event SET actor = :actor WHERE seq = :seq")
				.param("actor", original.actor())
				.param("seq", seq)
				.update());
		}
		assertRestored(original);
	}

	@Test
	void aDeletedRecordIsNamed() {
		long seq = this.written.get(1);
		AuditRecord original = this.events.find(seq).orElseThrow();
		try {
			asIntruder((db) -> db.sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", seq).update());
			VerificationResult result = this.verification.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).isEqualTo(Problem.DELETED);
			assertThat(result.firstBadSeq()).isEqualTo(seq);
			assertThat(result.checked()).isEqualTo(seq - 1);
		}
		finally {
			reinsert(original);
		}
		assertRestored(original);
	}

	@Test
	void swappedRecordsAreNamedReordered() {
		long first = this.written.get(1);
		long second = first + 1;
		AuditRecord a = this.events.find(first).orElseThrow();
		AuditRecord b = this.events.find(second).orElseThrow();
		try {
			swap(first, second);
			assertThat(this.events.find(first).orElseThrow().hash()).isEqualTo(b.hash());
			VerificationResult result = this.verification.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).isEqualTo(Problem.REORDERED);
			assertThat(result.firstBadSeq()).isEqualTo(first);
			assertThat(result.checked()).isEqualTo(first - 1);
		}
		finally {
			if (this.events.find(first).map(AuditRecord::hash).filter(b.hash()::equals).isPresent()) {
				swap(first, second);
			}
		}
		assertRestored(a);
		assertThat(this.events.find(second)).contains(b);
	}

	@Test
	void theApplicationsConnectionCannotChangeOrRemoveRecords() {
		long seq = this.written.get(0);
		AuditRecord original = this.events.find(seq).orElseThrow();
		assertThat(refused("UPDATE audit_event SET detail = 'forged' WHERE seq = " + seq))
			.contains("audit_event is append-only: UPDATE refused");
		assertThat(refused("DELETE FROM audit_event WHERE seq = " + seq))
			.contains("audit_event is append-only: DELETE refused");
		assertThat(refused("TRUNCATE audit_event")).contains("audit_event is append-only: TRUNCATE refused");
		assertThat(this.events.find(seq)).contains(original);
	}

	private void swap(long first, long second) {
		asIntruder((db) -> {
			db.sql("UPDATE audit_event SET seq = -1 WHERE seq = :seq").param("seq", first).update();
			db.sql("UPDATE audit_event SET seq = :to WHERE seq = :from")
				.param("to", first)
				.param("from", second)
				.update();
			db.sql("UPDATE audit_event SET seq = :to WHERE seq = -1").param("to", second).update();
		});
	}

	private void reinsert(AuditRecord record) {
		if (this.events.find(record.seq()).isPresent()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO audit_event (seq, occurred_at, actor, organization, action, target, outcome,
				                         client_address, detail, prev_hash, hash)
				VALUES (:seq, :occurredAt, :actor, :organization, :action, :target, :outcome,
				        :clientAddress, :detail, :prevHash, :hash)
				""")
			.param("seq", record.seq())
			.param("occurredAt", record.occurredAt().atOffset(java.time.ZoneOffset.UTC))
			.param("actor", record.actor())
			.param("organization", record.organization())
			.param("action", record.action())
			.param("target", record.target())
			.param("outcome", record.outcome())
			.param("clientAddress", record.clientAddress())
			.param("detail", record.detail())
			.param("prevHash", record.prevHash())
			.param("hash", record.hash())
			.update();
	}

	private void assertRestored(AuditRecord original) {
		assertThat(this.events.find(original.seq())).contains(original);
		assertThat(this.verification.check().intact()).as("chain intact again after restoring").isTrue();
	}

	/**
	 * Runs as the superuser with triggers off, for this transaction only:
	 * {@code SET LOCAL} ends with it, so no pooled connection keeps the setting.
	 */
	private void asIntruder(Consumer<JdbcClient> tampering) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.jdbc.sql("SET LOCAL session_replication_role = replica").update();
			tampering.accept(this.jdbc);
		});
	}

	/**
	 * Runs a statement that must be refused by the trigger (SQLSTATE 42501); rolled back
	 * whatever happens.
	 * @return the database's message
	 */
	private String refused(String sql) {
		List<DataAccessException> refusals = new ArrayList<>();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			try {
				this.jdbc.sql(sql).update();
			}
			catch (DataAccessException ex) {
				refusals.add(ex);
			}
		});
		assertThat(refusals).as("refused: " + sql).hasSize(1);
		assertThat(refusals.get(0).getMostSpecificCause()).isInstanceOf(SQLException.class);
		SQLException refusal = (SQLException) refusals.get(0).getMostSpecificCause();
		assertThat(refusal.getSQLState()).isEqualTo("42501");
		return refusal.getMessage();
	}

	private long head() {
		return this.jdbc.sql("SELECT max(seq) FROM audit_event").query(Long.class).single();
	}

}
