package cn.govcloud.termination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Commission's decision on a termination (Art. 9), without Spring or a database. */
class TerminationTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

	static final Instant NOW = Instant.parse("2026-12-03T02:15:00Z");

	static final UUID REVIEWER = UUID.randomUUID();

	@Test
	void anApprovalStartsTheReclaimFromToday() {
		StateChange<TerminationDecided> approved = termination(TerminationStatus.SUBMITTED, null)
			.decide(new DecisionForm(TerminationDecision.APPROVED, null), REVIEWER, NOW, TODAY);
		assertThat(approved.from()).containsExactly("SUBMITTED");
		assertThat(approved.to()).isEqualTo("APPROVED");
		assertThat(approved.columns()).containsEntry("approved_on", TODAY)
			.containsEntry("decided_by", REVIEWER)
			.containsEntry("return_reason", null);
		assertThat(approved.event().decision()).isEqualTo(TerminationDecision.APPROVED);
	}

	@Test
	void aReturnNeedsItsReasonAndApprovesNoDay() {
		Termination submitted = termination(TerminationStatus.SUBMITTED, null);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> submitted.decide(new DecisionForm(TerminationDecision.RETURNED, null), REVIEWER, NOW, TODAY))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.code()).isEqualTo("termination.reason.required")));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> submitted.decide(new DecisionForm(null, "原因"), REVIEWER, NOW, TODAY));
		StateChange<TerminationDecided> returned = submitted
			.decide(new DecisionForm(TerminationDecision.RETURNED, "数据未备份"), REVIEWER, NOW, TODAY);
		assertThat(returned.columns()).containsEntry("return_reason", "数据未备份").containsEntry("approved_on", null);
	}

	@Test
	void decidingTwiceIsRefusedNamingWhoDecidedFirstAndWhen() {
		Termination approved = termination(TerminationStatus.APPROVED, "经信委主管 李强");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(
					() -> approved.decide(new DecisionForm(TerminationDecision.RETURNED, "晚了"), REVIEWER, NOW, TODAY))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("termination.alreadyDecided");
				assertThat(ex.args()).startsWith("ZZ2026-000003", "经信委主管 李强", CityTime.minutes(NOW));
			});
	}

	@Test
	void theStateIsCheckedBeforeTheForm() {
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> termination(TerminationStatus.RECLAIMED, "经信委主管 李强").decide(new DecisionForm(null, null),
					REVIEWER, NOW, TODAY));
	}

	static Termination termination(TerminationStatus status, String decidedBy) {
		return new Termination(UUID.randomUUID(), "ZZ2026-000003", UUID.randomUUID(), "市发改委", UUID.randomUUID(), "网站群",
				true, List.of(), TODAY, DataHandling.BACKED_UP, "档案库", 1, null, null, null, status, "张伟", NOW,
				decidedBy, (decidedBy != null) ? NOW : null, null, null, null);
	}

}
