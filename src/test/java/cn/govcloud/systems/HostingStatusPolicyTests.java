package cn.govcloud.systems;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.systems.HostingStatusPolicy.Authority;
import cn.govcloud.systems.HostingStatusPolicy.Proposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.MessageSourceResolvable;

import static cn.govcloud.systems.HostingStatus.EXEMPT;
import static cn.govcloud.systems.HostingStatus.LEGACY_SELF_HOSTED;
import static cn.govcloud.systems.HostingStatus.MIGRATING;
import static cn.govcloud.systems.HostingStatus.OFFLINE;
import static cn.govcloud.systems.HostingStatus.ON_PLATFORM;
import static cn.govcloud.systems.HostingStatus.PLANNED;
import static org.assertj.core.api.Assertions.assertThat;

/** The hosting-status transitions of Art. 3: who may make which, and what each needs. */
class HostingStatusPolicyTests {

	static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

	static Stream<Arguments> unitTransitions() {
		return Stream.of(Arguments.of(PLANNED, ON_PLATFORM), Arguments.of(PLANNED, OFFLINE),
				Arguments.of(LEGACY_SELF_HOSTED, MIGRATING), Arguments.of(LEGACY_SELF_HOSTED, OFFLINE),
				Arguments.of(MIGRATING, ON_PLATFORM), Arguments.of(MIGRATING, MIGRATING),
				Arguments.of(MIGRATING, LEGACY_SELF_HOSTED), Arguments.of(ON_PLATFORM, OFFLINE),
				Arguments.of(EXEMPT, MIGRATING), Arguments.of(EXEMPT, LEGACY_SELF_HOSTED));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("unitTransitions")
	void aUnitMakesEveryTransitionOfArticleThreeWithWhatItNeeds(HostingStatus from, HostingStatus to) {
		assertThat(HostingStatusPolicy.check(from, complete(to), Authority.UNIT, TODAY)).isEmpty();
		assertThat(HostingStatusPolicy.allowed(from, Authority.UNIT)).contains(to);
	}

	@Test
	void theUnitsTransitionsAreExactlyThoseOfArticleThree() {
		assertThat(HostingStatusPolicy.allowed(PLANNED, Authority.UNIT)).containsExactly(ON_PLATFORM, OFFLINE);
		assertThat(HostingStatusPolicy.allowed(LEGACY_SELF_HOSTED, Authority.UNIT)).containsExactly(MIGRATING, OFFLINE);
		assertThat(HostingStatusPolicy.allowed(MIGRATING, Authority.UNIT)).containsExactly(ON_PLATFORM,
				LEGACY_SELF_HOSTED, MIGRATING);
		assertThat(HostingStatusPolicy.allowed(ON_PLATFORM, Authority.UNIT)).containsExactly(OFFLINE);
		assertThat(HostingStatusPolicy.allowed(EXEMPT, Authority.UNIT)).containsExactly(LEGACY_SELF_HOSTED, MIGRATING);
		assertThat(HostingStatusPolicy.allowed(OFFLINE, Authority.UNIT)).isEmpty();
	}

	@Test
	void onlyTheCommissionGrantsAnExemptionWithBasisAndDocument() {
		assertThat(HostingStatusPolicy.check(LEGACY_SELF_HOSTED, complete(EXEMPT), Authority.COMMISSION, TODAY))
			.isEmpty();
		assertThat(codes(HostingStatusPolicy.check(LEGACY_SELF_HOSTED, complete(EXEMPT), Authority.UNIT, TODAY)))
			.containsExactly("hostingStatus=system.exemption.commissionOnly");
		assertThat(HostingStatusPolicy.allowed(LEGACY_SELF_HOSTED, Authority.COMMISSION)).containsExactly(EXEMPT);
		assertThat(HostingStatusPolicy.exemptionRequestable(LEGACY_SELF_HOSTED)).isTrue();
		assertThat(HostingStatusPolicy.exemptionRequestable(MIGRATING)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(HostingStatus.class)
	void offlineIsFinal(HostingStatus to) {
		for (Authority authority : Authority.values()) {
			List<FieldProblem> problems = HostingStatusPolicy.check(OFFLINE, complete(to), authority, TODAY);
			assertThat(codes(problems)).as("%s by %s", to, authority)
				.containsExactly("hostingStatus=system.status.refused");
			assertThat(labels(problems.get(0))).containsExactly("system.status.OFFLINE", "system.status." + to);
		}
	}

	@Test
	void aRefusalNamesTheCurrentAndTheWantedStatus() {
		List<FieldProblem> problems = HostingStatusPolicy.check(PLANNED, complete(MIGRATING), Authority.UNIT, TODAY);
		assertThat(codes(problems)).containsExactly("hostingStatus=system.status.refused");
		assertThat(labels(problems.get(0))).containsExactly("system.status.PLANNED", "system.status.MIGRATING");
		assertThat(codes(HostingStatusPolicy.check(PLANNED, complete(EXEMPT), Authority.COMMISSION, TODAY)))
			.containsExactly("hostingStatus=system.status.refused");
		assertThat(codes(HostingStatusPolicy.check(ON_PLATFORM, complete(MIGRATING), Authority.UNIT, TODAY)))
			.containsExactly("hostingStatus=system.status.refused");
		assertThat(codes(HostingStatusPolicy.check(LEGACY_SELF_HOSTED, complete(ON_PLATFORM), Authority.UNIT, TODAY)))
			.containsExactly("hostingStatus=system.status.refused");
		assertThat(codes(HostingStatusPolicy.check(EXEMPT, complete(OFFLINE), Authority.UNIT, TODAY)))
			.containsExactly("hostingStatus=system.status.refused");
		assertThat(codes(HostingStatusPolicy.check(PLANNED, Proposal.to(null), Authority.UNIT, TODAY)))
			.containsExactly("hostingStatus=error.field.required");
	}

	@Test
	void theCommissionChangesNothingButExemptions() {
		assertThat(codes(HostingStatusPolicy.check(MIGRATING, complete(ON_PLATFORM), Authority.COMMISSION, TODAY)))
			.containsExactly("hostingStatus=system.status.notYours");
		assertThat(HostingStatusPolicy.allowed(MIGRATING, Authority.COMMISSION)).isEmpty();
	}

	@Test
	void aMigrationNeedsATargetDateInTheFuture() {
		assertThat(codes(HostingStatusPolicy.check(LEGACY_SELF_HOSTED, Proposal.to(MIGRATING), Authority.UNIT, TODAY)))
			.containsExactly("targetDate=system.targetDate.required");
		assertThat(codes(HostingStatusPolicy.check(MIGRATING, migration(TODAY), Authority.UNIT, TODAY)))
			.containsExactly("targetDate=system.targetDate.future");
		assertThat(codes(HostingStatusPolicy.check(EXEMPT, migration(TODAY.minusDays(3)), Authority.UNIT, TODAY)))
			.containsExactly("targetDate=system.targetDate.future");
		assertThat(HostingStatusPolicy.check(MIGRATING, migration(TODAY.plusDays(1)), Authority.UNIT, TODAY)).isEmpty();
	}

	@Test
	void stoppingAMigrationLiftingAnExemptionAndGoingOfflineAreExplained() {
		assertThat(codes(HostingStatusPolicy.check(MIGRATING, Proposal.to(LEGACY_SELF_HOSTED), Authority.UNIT, TODAY)))
			.containsExactly("reason=system.reason.required");
		assertThat(codes(HostingStatusPolicy.check(EXEMPT, reason(LEGACY_SELF_HOSTED, "  "), Authority.UNIT, TODAY)))
			.containsExactly("reason=system.reason.required");
		assertThat(codes(HostingStatusPolicy.check(PLANNED, Proposal.to(OFFLINE), Authority.UNIT, TODAY)))
			.containsExactly("reason=system.reason.required");
		assertThat(
				codes(HostingStatusPolicy.check(ON_PLATFORM, reason(OFFLINE, "x".repeat(501)), Authority.UNIT, TODAY)))
			.containsExactly("reason=system.field.tooLong");
	}

	@Test
	void anExemptionNeedsItsLegalBasisAndADocument() {
		assertThat(codes(HostingStatusPolicy.checkExemptionRequest(LEGACY_SELF_HOSTED, "依据《保密法》第二十三条", false)))
			.containsExactly("file=system.exemption.document.required");
		assertThat(codes(HostingStatusPolicy.checkExemptionRequest(LEGACY_SELF_HOSTED, " ", true)))
			.containsExactly("exemptionBasis=system.exemption.basis.required");
		assertThat(codes(HostingStatusPolicy.checkExemptionRequest(LEGACY_SELF_HOSTED, null, false))).containsExactly(
				"exemptionBasis=system.exemption.basis.required", "file=system.exemption.document.required");
		assertThat(codes(HostingStatusPolicy.checkExemptionRequest(LEGACY_SELF_HOSTED, "x".repeat(2001), true)))
			.containsExactly("exemptionBasis=system.field.tooLong");
		assertThat(codes(HostingStatusPolicy.checkExemptionRequest(MIGRATING, "依据", true)))
			.containsExactly("hostingStatus=system.status.refused");
		assertThat(HostingStatusPolicy.checkExemptionRequest(LEGACY_SELF_HOSTED, "依据", true)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = HostingStatus.class, names = "OFFLINE", mode = EnumSource.Mode.EXCLUDE)
	void anApprovedTerminationTakesAnySystemOffline(HostingStatus from) {
		assertThat(HostingStatusPolicy.check(from, reason(OFFLINE, "终止使用（第九条）"), Authority.TERMINATION, TODAY))
			.isEmpty();
		assertThat(HostingStatusPolicy.allowed(from, Authority.TERMINATION)).containsExactly(OFFLINE);
		assertThat(codes(HostingStatusPolicy.check(from, Proposal.to(OFFLINE), Authority.TERMINATION, TODAY)))
			.containsExactly("reason=system.reason.required");
	}

	@Test
	void everyOtherChangeIsRefused() {
		List<List<HostingStatus>> allowed = unitTransitions()
			.map((a) -> List.of((HostingStatus) a.get()[0], (HostingStatus) a.get()[1]))
			.toList();
		for (HostingStatus from : HostingStatus.values()) {
			for (HostingStatus to : EnumSet.complementOf(EnumSet.of(EXEMPT))) {
				if (!allowed.contains(List.of(from, to))) {
					assertThat(codes(HostingStatusPolicy.check(from, complete(to), Authority.UNIT, TODAY)))
						.as("%s → %s", from, to)
						.containsExactly("hostingStatus=system.status.refused");
				}
			}
		}
	}

	@Test
	void everyStatusAndTransitionHasItsWordsInBothLanguages() throws java.io.IOException {
		for (String bundle : List.of("messages.properties", "messages_en.properties")) {
			java.util.Properties messages = new java.util.Properties();
			try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
				messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			for (HostingStatus from : HostingStatus.values()) {
				assertThat(messages).as(bundle).containsKey("system.status." + from);
				for (HostingStatus to : HostingStatusPolicy.allowed(from, Authority.UNIT)) {
					assertThat(messages).as(bundle)
						.containsKeys("system.transition." + from + "." + to,
								"system.transition." + from + "." + to + ".help");
				}
			}
			for (ExemptionState state : ExemptionState.values()) {
				assertThat(messages).as(bundle).containsKey("system.exemption.state." + state);
			}
		}
	}

	/** A change with everything any transition needs. */
	static Proposal complete(HostingStatus to) {
		return new Proposal(to, TODAY.plusMonths(6), "原因", "依据《某某条例》第五条", true);
	}

	static Proposal migration(LocalDate target) {
		return new Proposal(MIGRATING, target, null, null, false);
	}

	static Proposal reason(HostingStatus to, String reason) {
		return new Proposal(to, null, reason, null, false);
	}

	static List<String> codes(List<FieldProblem> problems) {
		return problems.stream().map((p) -> p.field() + "=" + p.code()).toList();
	}

	static List<String> labels(FieldProblem problem) {
		return Stream.of(problem.args()).map((arg) -> ((MessageSourceResolvable) arg).getCodes()[0]).toList();
	}

}
