package cn.govcloud.shared;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import cn.govcloud.shared.Decisions.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The shared parts of a decision that need no database: what a state change carries and
 * what the loser of a race is told. The conditional update itself is exercised by the
 * modules' race tests (two reviewers at once) on PostgreSQL.
 */
class DecisionsTests {

	static final Instant AT = Instant.parse("2026-12-03T02:15:00Z");

	enum Status {

		SUBMITTED, RETURNED, APPROVED

	}

	@Test
	void aStateChangeCarriesItsColumnsInOrderNullsIncludedAndItsHistoryAndEvent() {
		UUID id = UUID.randomUUID();
		UUID by = UUID.randomUUID();
		StateChange<String> change = StateChange.of(id, EnumSet.of(Status.SUBMITTED, Status.RETURNED), Status.APPROVED)
			.set("reason", null)
			.decidedBy(by, AT)
			.recorded("APPROVED", by, null, AT)
			.announcing("Approved");
		assertThat(change.from()).containsExactly("RETURNED", "SUBMITTED");
		assertThat(change.to()).isEqualTo("APPROVED");
		assertThat(change.columns().keySet()).containsExactly("reason", "decided_by", "decided_at");
		assertThat(change.columns()).containsEntry("reason", null).containsEntry("decided_by", by);
		assertThat(change.history()).isEqualTo(new StateChange.History("APPROVED", by, null, AT));
		assertThat(change.event()).isEqualTo("Approved");
	}

	@Test
	void theLoserOfARaceIsToldTheNumberWhoDecidedWhenAndHow() {
		ConflictException refusal = new Sample("审核员 王敏", AT).alreadyDecided();
		assertThat(refusal.code()).isEqualTo("sample.alreadyDecided");
		assertThat(refusal.args()).startsWith("YP-7", "审核员 王敏", "2026-12-03 10:15");
		assertThat(((MessageSourceResolvable) refusal.args()[3]).getCodes()).containsExactly("sample.status.APPROVED");
	}

	@Test
	void aRecordNobodyDecidedIsNotAwaitingADecision() {
		ConflictException refusal = new Sample(null, null).alreadyDecided();
		assertThat(refusal.code()).isEqualTo("sample.notAwaiting");
		assertThat(refusal.args()).hasSize(2).startsWith("YP-7");
	}

	@Test
	void aLedgerNamesOnlyPlainTablesAndColumns() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Ledger("sample; DROP TABLE x", "status", null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Ledger("sample", "status", "sample_event", null));
		assertThat(new Ledger("sample", "status", "sample_event", "sample_id").history()).isEqualTo("sample_event");
	}

	record Sample(String decidedBy, Instant decidedAt) implements Decidable {

		@Override
		public String number() {
			return "YP-7";
		}

		@Override
		public MessageSourceResolvable outcome() {
			return new DefaultMessageSourceResolvable("sample.status.APPROVED");
		}

		@Override
		public Refusal refusal() {
			return new Refusal("sample.alreadyDecided", "sample.notAwaiting");
		}

	}

}
