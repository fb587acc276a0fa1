package cn.govcloud.request;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.catalogue.ResourceKinds.SpecCheck;
import cn.govcloud.request.CutRules.Approval;
import cn.govcloud.request.DecisionForm.LineCut;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Art. 8: what a reviewer may approve and cut. No Spring: the catalogue's spec check is
 * an in-memory one for a cloud host (vcpu, memory_gb, a choice of os).
 */
class CutRulesTests {

	static final ApplicationLine HOSTS = line(2, Map.of("vcpu", 8L, "memory_gb", 16L, "os", "linux"));

	static final ApplicationLine DISKS = new ApplicationLine(UUID.randomUUID(), 2, "cloud-disk", LineDirection.INCREASE,
			Map.of("size_gb", 500L), 4, "data", null, null, null);

	final CutRules rules = new CutRules(CutRulesTests::checkSpec);

	@Test
	void anApprovalApprovesEveryLineAsRequested() {
		Map<UUID, Approval> approvals = this.rules.approvals(List.of(HOSTS, DISKS),
				new DecisionForm(Decision.APPROVED, null, null));
		assertThat(approvals).containsOnlyKeys(HOSTS.id(), DISKS.id());
		assertThat(approvals.get(HOSTS.id())).isEqualTo(new Approval(HOSTS.spec(), 2, null));
		assertThat(approvals.get(DISKS.id())).isEqualTo(new Approval(DISKS.spec(), 4, null));
	}

	@Test
	void aCutApprovesLessOfOneLineWithItsReasonAndTheOthersAsRequested() {
		Map<UUID, Approval> approvals = this.rules.approvals(List.of(HOSTS, DISKS), cuts(
				new LineCut(HOSTS.id(), BigDecimal.ONE, Map.of("vcpu", 4, "memory_gb", 16, "os", "linux"), "利用率低")));
		assertThat(approvals.get(HOSTS.id()))
			.isEqualTo(new Approval(Map.of("vcpu", 4L, "memory_gb", 16L, "os", "linux"), 1, "利用率低"));
		assertThat(approvals.get(DISKS.id())).isEqualTo(new Approval(DISKS.spec(), 4, null));
	}

	@Test
	void aLineMayBeCutEntirelyToZero() {
		Map<UUID, Approval> approvals = this.rules.approvals(List.of(HOSTS),
				cuts(new LineCut(HOSTS.id(), BigDecimal.ZERO, null, "暂不需要")));
		assertThat(approvals.get(HOSTS.id()).quantity()).isZero();
		assertThat(approvals.get(HOSTS.id()).spec()).isEqualTo(HOSTS.spec());
	}

	@Test
	void aCutMayNotApproveMoreThanWasRequestedNorAFraction() {
		assertThat(problems(cuts(new LineCut(HOSTS.id(), new BigDecimal("3"), null, "多给"))))
			.containsExactly("cuts[0].approvedQuantity:request.cut.quantity");
		assertThat(problems(cuts(new LineCut(HOSTS.id(), new BigDecimal("1.5"), null, "半台"))))
			.containsExactly("cuts[0].approvedQuantity:request.cut.quantity");
		assertThat(problems(cuts(new LineCut(HOSTS.id(), new BigDecimal("-1"), null, "负数"))))
			.containsExactly("cuts[0].approvedQuantity:request.cut.quantity");
	}

	@Test
	void aCutSpecMayLowerAFieldButNotRaiseOneNorChangeAChoice() {
		assertThat(
				problems(cuts(new LineCut(HOSTS.id(), null, Map.of("vcpu", 16, "memory_gb", 16, "os", "linux"), "更多"))))
			.containsExactly("cuts[0].spec.vcpu:request.cut.spec");
		assertThat(problems(
				cuts(new LineCut(HOSTS.id(), null, Map.of("vcpu", 8, "memory_gb", 8, "os", "windows"), "换系统"))))
			.containsExactly("cuts[0].spec.os:request.cut.spec");
	}

	@Test
	void aCutSpecMustBeAValidSpecOfTheKind() {
		assertThat(problems(cuts(new LineCut(HOSTS.id(), null, Map.of("vcpu", 4, "gpu", 1), "少给"))))
			.containsExactlyInAnyOrder("cuts[0].spec.memory_gb:error.field.required",
					"cuts[0].spec.os:error.field.required", "cuts[0].spec.gpu:catalogue.spec.unknown");
	}

	@Test
	void everyCutNeedsItsReasonAndMustCutSomething() {
		assertThat(problems(cuts(new LineCut(HOSTS.id(), BigDecimal.ONE, null, null))))
			.containsExactly("cuts[0].reason:request.cut.reason");
		assertThat(problems(cuts(new LineCut(HOSTS.id(), new BigDecimal("2"), null, "不变"))))
			.containsExactly("cuts[0].approvedQuantity:request.cut.nothingCut");
	}

	@Test
	void anApprovalWithCutsNamesAtLeastOneKnownLine() {
		assertThat(problems(cuts())).containsExactly("cuts:request.cut.none");
		assertThat(problems(cuts(new LineCut(UUID.randomUUID(), BigDecimal.ONE, null, "别的申请"))))
			.containsExactly("cuts[0].lineId:request.cut.unknownLine");
	}

	@Test
	void cutsBelongOnlyToAnApprovalWithCuts() {
		assertThat(problems(new DecisionForm(Decision.APPROVED, null,
				List.of(new LineCut(HOSTS.id(), BigDecimal.ONE, null, "少给")))))
			.containsExactly("cuts:request.cut.onlyWithCuts");
	}

	@Test
	void aReturnOrARejectionNeedsItsReasonAndApprovesNothing() {
		assertThat(problems(new DecisionForm(Decision.RETURNED, null, null)))
			.containsExactly("reason:request.reason.required");
		assertThat(problems(new DecisionForm(Decision.REJECTED, " ", null)))
			.containsExactly("reason:request.reason.required");
		assertThat(this.rules.approvals(List.of(HOSTS), new DecisionForm(Decision.RETURNED, "补充方案", null))).isEmpty();
		assertThat(problems(new DecisionForm(Decision.REJECTED, "长".repeat(2001), null)))
			.containsExactly("reason:error.field.size");
	}

	@Test
	void aReviewerCannotAutoApproveNorDecideNothing() {
		assertThat(problems(new DecisionForm(Decision.AUTO_APPROVED, null, null)))
			.containsExactly("decision:request.decision.invalid");
		assertThat(problems(new DecisionForm(null, null, null))).containsExactly("decision:request.decision.invalid");
	}

	private static DecisionForm cuts(LineCut... cuts) {
		return new DecisionForm(Decision.APPROVED_WITH_CUTS, null, List.of(cuts));
	}

	private List<String> problems(DecisionForm form) {
		try {
			this.rules.approvals(List.of(HOSTS, DISKS), form);
		}
		catch (InvalidInputException ex) {
			return ex.problems().stream().map((problem) -> problem.field() + ":" + problem.code()).toList();
		}
		throw new AssertionError("no problem with " + form);
	}

	static ApplicationLine line(int quantity, Map<String, Object> spec) {
		return new ApplicationLine(UUID.randomUUID(), 1, "cloud-host", LineDirection.INCREASE, spec, quantity, "web",
				null, null, null);
	}

	/** A cloud host's spec as the catalogue checks it: whole numbers and one choice. */
	static SpecCheck checkSpec(String kind, Map<String, ?> spec, String line) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> normal = new LinkedHashMap<>();
		for (String field : List.of("vcpu", "memory_gb", "os")) {
			Object value = spec.get(field);
			if (value == null) {
				problems.add(new FieldProblem(line + ".spec." + field, "error.field.required"));
			}
			else {
				normal.put(field, (value instanceof Number number) ? (Object) number.longValue() : value.toString());
			}
		}
		spec.keySet()
			.stream()
			.filter((key) -> !List.of("vcpu", "memory_gb", "os").contains(key))
			.forEach((key) -> problems.add(new FieldProblem(line + ".spec." + key, "catalogue.spec.unknown")));
		return new SpecCheck(null, normal, problems);
	}

}
