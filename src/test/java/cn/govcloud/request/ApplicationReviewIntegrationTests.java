package cn.govcloud.request;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@GovCloudIntegrationTest
class ApplicationReviewIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theReviewerCutsALineAndRequestedAndApprovedStaySideBySide() {
		Applicant unit = new Applicant(this.port, "unitmember");
		String id = unit.submitted(Applicant.host(2), Applicant.STORAGE);
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		String application = reviewer.getJson("/api/v1/applications/" + id).body();
		String hostLine = JsonPath.read(application, "$.lines[0].id");
		HttpResponse<String> decided = reviewer.postJson("/api/v1/applications/" + id + "/decision",
				"{\"decision\":\"APPROVED_WITH_CUTS\",\"cuts\":[{\"lineId\":\"" + hostLine
						+ "\",\"approvedQuantity\":1,\"approvedSpec\":{\"vcpu\":4,\"memoryGib\":16,\"systemDiskGib\":100,\"os\":\"麒麟 Kylin\"},\"reason\":\"利用率预计不足一半\"}]}");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		String seen = unit.client.getJson("/api/v1/applications/" + id).body();
		assertThat((String) JsonPath.read(seen, "$.status")).isEqualTo("APPROVED");
		assertThat((String) JsonPath.read(seen, "$.decision")).isEqualTo("APPROVED_WITH_CUTS");
		assertThat((Integer) JsonPath.read(seen, "$.lines[0].quantity")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(seen, "$.lines[0].approvedQuantity")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(seen, "$.lines[0].spec.vcpu")).isEqualTo(8);
		assertThat((Integer) JsonPath.read(seen, "$.lines[0].approvedSpec.vcpu")).isEqualTo(4);
		assertThat((String) JsonPath.read(seen, "$.lines[0].cutReason")).isEqualTo("利用率预计不足一半");
		assertThat((Integer) JsonPath.read(seen, "$.lines[1].approvedQuantity")).isEqualTo(1);

		String allocation = unit.client.getJson("/api/v1/allocations?systemId=" + unit.systemId).body();
		assertThat(JsonPath.<List<Integer>>read(allocation, "$[?(@.kind=='CLOUD_HOST')].quantity")).containsExactly(1);
		assertThat(JsonPath.<List<Integer>>read(allocation, "$[?(@.kind=='CLOUD_HOST')].spec.vcpu")).containsExactly(4);
	}

	@Test
	void aChangeThatOnlyGivesBackIsApprovedAutomaticallyAndTheAllocationShrinks() {
		Applicant unit = new Applicant(this.port, "unitadmin");
		String first = unit.submitted(Applicant.host(3));
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		assertThat(reviewer.postJson("/api/v1/applications/" + first + "/decision", "{\"decision\":\"APPROVED\"}")
			.statusCode()).isEqualTo(200);

		String decrease = Applicant.host(1).replace("\"quantity\"", "\"direction\":\"DECREASE\",\"quantity\"");
		HttpResponse<String> change = unit.draft(decrease);
		assertThat((String) JsonPath.read(change.body(), "$.type")).isEqualTo("CHANGE");
		String id = JsonPath.read(change.body(), "$.id");
		String submitted = unit.client.postJson("/api/v1/applications/" + id + "/submit", "{}").body();
		assertThat((String) JsonPath.read(submitted, "$.status")).isEqualTo("APPROVED");
		assertThat((String) JsonPath.read(submitted, "$.decision")).isEqualTo("AUTO_APPROVED");
		String allocation = unit.client.getJson("/api/v1/allocations?systemId=" + unit.systemId).body();
		assertThat(JsonPath.<List<Integer>>read(allocation, "$[*].quantity")).containsExactly(2);

		HttpResponse<String> tooMuch = unit.draft(decrease.replace("\"quantity\":1", "\"quantity\":5"));
		assertThat(tooMuch.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(tooMuch.body(), "$.errors[0].field")).isEqualTo("lines[0].quantity");
	}

	@Test
	void aChangeThatAlsoAsksForMoreIsReviewed() {
		Applicant unit = new Applicant(this.port, "unitadmin");
		String first = unit.submitted(Applicant.host(2));
		TestClient.signedIn(this.port, "reviewer")
			.postJson("/api/v1/applications/" + first + "/decision", "{\"decision\":\"APPROVED\"}");
		String decrease = Applicant.host(1).replace("\"quantity\"", "\"direction\":\"DECREASE\",\"quantity\"");
		String id = unit.submitted(decrease, Applicant.STORAGE);
		assertThat((String) JsonPath.read(unit.client.getJson("/api/v1/applications/" + id).body(), "$.status"))
			.isEqualTo("SUBMITTED");
	}

	@Test
	void returnedApplicationsAreRevisedAndResubmittedWithEveryVersionKept() {
		Applicant unit = new Applicant(this.port, "unitmember");
		String id = unit.submitted(Applicant.host(4));
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		HttpResponse<String> noReason = reviewer.postJson("/api/v1/applications/" + id + "/decision",
				"{\"decision\":\"RETURNED\"}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(noReason.body(), "$.errors[0].field")).isEqualTo("reason");
		reviewer.postJson("/api/v1/applications/" + id + "/decision",
				"{\"decision\":\"RETURNED\",\"reason\":\"请补充性能测算\"}");

		assertThat(unit.client.putJson("/api/v1/applications/" + id, unit.body(Applicant.host(2))).statusCode())
			.isEqualTo(200);
		String resubmitted = unit.client.postJson("/api/v1/applications/" + id + "/submit", "{}").body();
		assertThat((Integer) JsonPath.read(resubmitted, "$.revision")).isEqualTo(2);
		String revisions = unit.client.getJson("/api/v1/applications/" + id + "/revisions").body();
		assertThat(JsonPath.<List<Integer>>read(revisions, "$[*].lines[0].quantity")).containsExactly(4, 2);
		String history = unit.client.getJson("/api/v1/applications/" + id + "/history").body();
		assertThat(JsonPath.<List<String>>read(history, "$[*].action")).containsExactly("CREATED", "SUBMITTED",
				"RETURNED", "RESUBMITTED");
		assertThat(history).contains("请补充性能测算");
	}

	@Test
	void twoReviewersAtOnceExactlyOneWinsAndTheOtherIsToldWho() throws Exception {
		Applicant unit = new Applicant(this.port, "unitadmin");
		String id = unit.submitted(Applicant.host(1));
		List<TestClient> reviewers = List.of(TestClient.signedIn(this.port, "reviewer"),
				TestClient.signedIn(this.port, "reviewer"));
		List<String> decisions = List.of("{\"decision\":\"APPROVED\"}",
				"{\"decision\":\"REJECTED\",\"reason\":\"不符合集约要求\"}");
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			int n = i;
			answers.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return reviewers.get(n).postJson("/api/v1/applications/" + id + "/decision", decisions.get(n));
			}));
		}
		start.countDown();
		List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		String loser = answers.stream()
			.map(CompletableFuture::join)
			.filter((r) -> r.statusCode() == 409)
			.findFirst()
			.orElseThrow()
			.body();
		assertThat(loser).contains("已由").contains("审核员 王敏");
		String history = unit.client.getJson("/api/v1/applications/" + id + "/history").body();
		assertThat(JsonPath.<List<String>>read(history, "$[*].action")).hasSize(3);
	}

	@Test
	void aDecisionOnAnApplicationNotAwaitingOneIsRefused() {
		Applicant unit = new Applicant(this.port, "unitadmin");
		String id = JsonPath.read(unit.draft(Applicant.host(1)).body(), "$.id");
		HttpResponse<String> early = TestClient.signedIn(this.port, "reviewer")
			.postJson("/api/v1/applications/" + id + "/decision", "{\"decision\":\"APPROVED\"}");
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat(early.body()).contains("不在待审核状态");
	}

	@Test
	void theStatesAllowOnlyTheirOwnSteps() {
		Applicant unit = new Applicant(this.port, "unitadmin");
		String id = unit.submitted(Applicant.host(1));
		HttpResponse<String> reviseSubmitted = unit.client.putJson("/api/v1/applications/" + id,
				unit.body(Applicant.host(2)));
		assertThat(reviseSubmitted.statusCode()).isEqualTo(409);
		assertThat(reviseSubmitted.body()).contains("待审核");
		assertThat(unit.client.postJson("/api/v1/applications/" + id + "/submit", "{}").statusCode()).isEqualTo(409);

		TestClient.signedIn(this.port, "reviewer")
			.postJson("/api/v1/applications/" + id + "/decision", "{\"decision\":\"APPROVED\"}");
		HttpResponse<String> withdrawApproved = unit.client.postJson("/api/v1/applications/" + id + "/withdraw", "{}");
		assertThat(withdrawApproved.statusCode()).isEqualTo(409);
		assertThat(withdrawApproved.body()).contains("审核员 王敏");

		String draft = JsonPath.read(unit.draft(Applicant.host(1)).body(), "$.id");
		assertThat(unit.client.postJson("/api/v1/applications/" + draft + "/withdraw", "{}").statusCode())
			.isEqualTo(200);
		assertThat(unit.client.postJson("/api/v1/applications/" + draft + "/submit", "{}").statusCode()).isEqualTo(409);
	}

	@Test
	void aWithdrawalAndADecisionAtOnceExactlyOneWins() throws Exception {
		Applicant unit = new Applicant(this.port, "unitadmin");
		String id = unit.submitted(Applicant.host(1));
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<HttpResponse<String>> withdrawal = CompletableFuture.supplyAsync(() -> {
			await(start);
			return unit.client.postJson("/api/v1/applications/" + id + "/withdraw", "{}");
		});
		CompletableFuture<HttpResponse<String>> decision = CompletableFuture.supplyAsync(() -> {
			await(start);
			return reviewer.postJson("/api/v1/applications/" + id + "/decision", "{\"decision\":\"APPROVED\"}");
		});
		start.countDown();
		assertThat(List.of(withdrawal.join().statusCode(), decision.join().statusCode())).containsExactlyInAnyOrder(200,
				409);
		String status = JsonPath.read(unit.client.getJson("/api/v1/applications/" + id).body(), "$.status");
		assertThat(status).isEqualTo((withdrawal.join().statusCode() == 200) ? "WITHDRAWN" : "APPROVED");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aNewApplicationCannotGiveBackAndNeedsItsPlan() {
		Applicant unit = new Applicant(this.port, "unitmember");
		HttpResponse<String> decrease = unit
			.draft(Applicant.host(1).replace("\"quantity\"", "\"direction\":\"DECREASE\",\"quantity\""));
		assertThat((String) JsonPath.read(decrease.body(), "$.errors[0].field")).isEqualTo("lines[0].direction");
		HttpResponse<String> noPlan = unit.client.postJson("/api/v1/applications",
				unit.body(Applicant.host(1)).replace("\"planVersion\":1,", ""));
		assertThat((String) JsonPath.read(noPlan.body(), "$.errors[0].field")).isEqualTo("planVersion");
	}

	@Test
	void badLinesAreNamedAndNothingIsSaved() {
		Applicant unit = new Applicant(this.port, "unitmember");
		for (String[] bad : new String[][] { { "0", "lines[0].quantity" }, { "-2", "lines[0].quantity" },
				{ "1.5", "lines[0].quantity" } }) {
			HttpResponse<String> response = unit
				.draft(Applicant.host(0).replace("\"quantity\":0", "\"quantity\":" + bad[0]));
			assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
			assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).as(bad[0]).isEqualTo(bad[1]);
		}
		HttpResponse<String> outOfRange = unit.draft(Applicant.host(1).replace("\"vcpu\":8", "\"vcpu\":512"));
		assertThat((String) JsonPath.read(outOfRange.body(), "$.errors[0].field")).isEqualTo("lines[0].spec.vcpu");
		HttpResponse<String> unknownKind = unit.draft(Applicant.host(1).replace("CLOUD_HOST", "TIME_MACHINE"));
		assertThat((String) JsonPath.read(unknownKind.body(), "$.errors[0].field")).isEqualTo("lines[0].kind");
		HttpResponse<String> noWhy = unit.draft(Applicant.host(1).replace("业务高峰需要", " "));
		assertThat((String) JsonPath.read(noWhy.body(), "$.errors[0].field")).isEqualTo("lines[0].justification");
		HttpResponse<String> textQuantity = unit
			.draft(Applicant.host(1).replace("\"quantity\":1", "\"quantity\":\"many\""));
		assertThat(textQuantity.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(textQuantity.body(), "$.errors[0].field")).isEqualTo("lines[0].quantity");
		HttpResponse<String> noPlan = unit.client.postJson("/api/v1/applications",
				unit.body(Applicant.host(1)).replace("\"planVersion\":1", "\"planVersion\":9"));
		assertThat((String) JsonPath.read(noPlan.body(), "$.errors[0].field")).isEqualTo("planVersion");
		assertThat(unit.client.getJson("/api/v1/applications?systemId=" + unit.systemId).body())
			.contains("\"total\":0");
	}

	@Test
	void anotherUnitsApplicationsReadLikeApplicationsThatDoNotExist() {
		Applicant unit = new Applicant(this.port, "unitadmin");
		String id = unit.submitted(Applicant.host(1));
		TestClient other = TestClient.signedIn(this.port, "unitadmin2");
		for (String path : List.of("", "/revisions", "/history")) {
			HttpResponse<String> guessed = other.getJson("/api/v1/applications/" + id + path);
			HttpResponse<String> missing = other.getJson("/api/v1/applications/" + UUID.randomUUID() + path);
			assertThat(guessed.statusCode()).as(path).isEqualTo(404).isEqualTo(missing.statusCode());
		}
		for (String action : List.of("/submit", "/withdraw")) {
			assertThat(other.postJson("/api/v1/applications/" + id + action, "{}").statusCode()).as(action)
				.isEqualTo(404);
		}
		assertThat(other.putJson("/api/v1/applications/" + id, unit.body(Applicant.host(1))).statusCode())
			.isEqualTo(404);
		HttpResponse<String> foreignSystem = other.postJson("/api/v1/applications", unit.body(Applicant.host(1)));
		assertThat((String) JsonPath.read(foreignSystem.body(), "$.errors[0].field")).isEqualTo("systemId");
		assertThat(other.getJson("/api/v1/allocations?systemId=" + unit.systemId).body()).isEqualTo("[]");
		assertThat(
				other.postJson("/api/v1/applications/" + id + "/decision", "{\"decision\":\"APPROVED\"}").statusCode())
			.isEqualTo(403);
		assertThat(TestClient.signedIn(this.port, "manager")
			.postJson("/api/v1/applications/" + id + "/decision", "{\"decision\":\"APPROVED\"}")
			.statusCode()).isEqualTo(403);
	}

}
