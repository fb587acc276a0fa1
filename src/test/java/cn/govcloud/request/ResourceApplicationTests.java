package cn.govcloud.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.request.ResourceApplication.Decided;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The state changes of an application (Art. 6, 8), without Spring or a database. */
class ResourceApplicationTests {

	static final UUID REVIEWER = UUID.randomUUID();

	static final Instant NOW = Instant.parse("2026-12-03T02:15:00Z");

	final CutRules rules = new CutRules(CutRulesTests::checkSpec);

	@Test
	void aDecisionMovesASubmittedApplicationOnAndAnnouncesItselfInThePastTense() {
		ResourceApplication submitted = application(ApplicationStatus.SUBMITTED, List.of(CutRulesTests.HOSTS));
		Decided decided = submitted.decide(new DecisionForm(Decision.APPROVED, null, null), this.rules, REVIEWER, NOW);
		StateChange<ApplicationDecided> change = decided.change();
		assertThat(change.from()).containsExactly("SUBMITTED");
		assertThat(change.to()).isEqualTo("APPROVED");
		assertThat(change.columns()).containsEntry("decision", Decision.APPROVED)
			.containsEntry("decided_by", REVIEWER)
			.containsEntry("decided_at", NOW);
		assertThat(change.history().action()).isEqualTo("APPROVED");
		assertThat(change.event()).isEqualTo(new ApplicationDecided(submitted.id(), submitted.number(),
				submitted.unitId(), submitted.createdById(), submitted.systemName(), Decision.APPROVED, null));
		assertThat(decided.approvals()).containsOnlyKeys(CutRulesTests.HOSTS.id());
	}

	@Test
	void aReturnGoesBackToTheUnitWithItsReasonAndApprovesNothing() {
		Decided returned = application(ApplicationStatus.SUBMITTED, List.of(CutRulesTests.HOSTS))
			.decide(new DecisionForm(Decision.RETURNED, "补充方案", null), this.rules, REVIEWER, NOW);
		assertThat(returned.change().to()).isEqualTo("RETURNED");
		assertThat(returned.change().history().reason()).isEqualTo("补充方案");
		assertThat(returned.approvals()).isEmpty();
	}

	@Test
	void decidingTwiceIsRefusedNamingWhoDecidedFirstAndWhen() {
		ResourceApplication decided = decided(ApplicationStatus.APPROVED, "审核员 王敏", Decision.APPROVED);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(
					() -> decided.decide(new DecisionForm(Decision.REJECTED, "不需要", null), this.rules, REVIEWER, NOW))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("request.alreadyDecided");
				assertThat(ex.args()).startsWith("ZY2026-000042", "审核员 王敏", CityTime.minutes(NOW));
				assertThat(((MessageSourceResolvable) ex.args()[3]).getCodes()).containsExactly("decision.APPROVED");
			});
	}

	@Test
	void anApplicationNobodyDecidedButThatNoLongerWaitsIsNotAwaitingADecision() {
		ResourceApplication withdrawn = application(ApplicationStatus.WITHDRAWN, List.of(CutRulesTests.HOSTS));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(
					() -> withdrawn.decide(new DecisionForm(Decision.APPROVED, null, null), this.rules, REVIEWER, NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("request.notAwaiting"));
	}

	@Test
	void theStateIsCheckedBeforeTheForm() {
		ResourceApplication draft = application(ApplicationStatus.DRAFT, List.of(CutRulesTests.HOSTS));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> draft.decide(new DecisionForm(null, null, null), this.rules, REVIEWER, NOW));
		ResourceApplication submitted = application(ApplicationStatus.SUBMITTED, List.of(CutRulesTests.HOSTS));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> submitted.decide(new DecisionForm(null, null, null), this.rules, REVIEWER, NOW));
	}

	@Test
	void onlyADraftOrAReturnedApplicationIsSubmittedAndItsPreviousDecisionIsCleared() {
		StateChange<ApplicationSubmitted> resubmitted = decided(ApplicationStatus.RETURNED, "审核员 王敏", Decision.RETURNED)
			.submit(REVIEWER, NOW);
		assertThat(resubmitted.from()).containsExactly("RETURNED");
		assertThat(resubmitted.columns()).containsEntry("revision", 2)
			.containsEntry("decided_by", null)
			.containsEntry("decision", null);
		assertThat(resubmitted.history().action()).isEqualTo("RESUBMITTED");
		assertThat(resubmitted.event().revision()).isEqualTo(2);
		for (ApplicationStatus status : List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED,
				ApplicationStatus.WITHDRAWN)) {
			assertThatExceptionOfType(ConflictException.class)
				.isThrownBy(() -> application(status, List.of()).submit(REVIEWER, NOW))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("request.notEditable"));
		}
	}

	@Test
	void anApplicationThatOnlyGivesBackIsApprovedWithoutAReviewer() {
		ApplicationLine giveBack = new ApplicationLine(UUID.randomUUID(), 1, "cloud-host", LineDirection.DECREASE,
				Map.of("vcpu", 8L), 1, "空闲", null, null, null);
		ResourceApplication change = new ResourceApplication(UUID.randomUUID(), "ZY2026-000043", UUID.randomUUID(),
				"档案系统", UUID.randomUUID(), "市档案局", ApplicationType.CHANGE, ApplicationStatus.DRAFT, 0, 1, null,
				UUID.randomUUID(), "张伟", NOW, null, null, null, null, null, List.of(giveBack));
		assertThat(change.submit(REVIEWER, NOW).event()).as("nobody reviews it").isNull();
		Decided approved = change.approveDecreases(NOW);
		assertThat(approved.change().from()).containsExactly("SUBMITTED");
		assertThat(approved.change().columns()).containsEntry("decision", Decision.AUTO_APPROVED)
			.containsEntry("decided_by", null);
		assertThat(approved.change().event().decision()).isEqualTo(Decision.AUTO_APPROVED);
		assertThat(approved.approvals().get(giveBack.id()).quantity()).isEqualTo(1);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(
				() -> application(ApplicationStatus.SUBMITTED, List.of(CutRulesTests.HOSTS)).approveDecreases(NOW));
	}

	@Test
	void aDecidedApplicationCannotBeWithdrawn() {
		assertThat(application(ApplicationStatus.SUBMITTED, List.of()).withdraw(REVIEWER, NOW).to())
			.isEqualTo("WITHDRAWN");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(
					() -> decided(ApplicationStatus.REJECTED, "经信委主管 李强", Decision.REJECTED).withdraw(REVIEWER, NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("request.alreadyDecided"));
	}

	static ResourceApplication application(ApplicationStatus status, List<ApplicationLine> lines) {
		return new ResourceApplication(UUID.randomUUID(), "ZY2026-000042", UUID.randomUUID(), "网站群", UUID.randomUUID(),
				"市发改委", ApplicationType.NEW, status, (status == ApplicationStatus.DRAFT) ? 0 : 1, 1, null,
				UUID.randomUUID(), "张伟", NOW, NOW, null, null, null, null, lines);
	}

	static ResourceApplication decided(ApplicationStatus status, String by, Decision decision) {
		return new ResourceApplication(UUID.randomUUID(), "ZY2026-000042", UUID.randomUUID(), "网站群", UUID.randomUUID(),
				"市发改委", ApplicationType.NEW, status, 1, 1, null, UUID.randomUUID(), "张伟", NOW, NOW, NOW, by, decision,
				null, List.of(CutRulesTests.HOSTS));
	}

}
