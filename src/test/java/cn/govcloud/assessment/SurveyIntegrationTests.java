package cn.govcloud.assessment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Satisfaction surveys through the API and pages (Art. 19): each respondent answers once
 * (also when two answers race), no answer is preselected and a missing one is refused,
 * results per unit and for the city, a unit sees its own unit's results, the supplier and
 * the finance bureau none.
 */
@GovCloudIntegrationTest
class SurveyIntegrationTests {

	@LocalServerPort
	int port;

	private String open(String title) {
		HttpResponse<String> opened = TestClient.signedIn(this.port, "manager").postJson("/api/v1/surveys", """
				{"year":2026,"half":null,"title":"%s","questions":["服务响应是否及时？","问题是否彻底解决？"]}
				""".formatted(title));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		return JsonPath.read(opened.body(), "$.id");
	}

	@Test
	void eachRespondentAnswersOnceAndResultsArePerUnitAndForTheCity() {
		String id = open("年度满意度 一");
		String responses = "/api/v1/surveys/" + id + "/responses";
		assertThat(TestClient.signedIn(this.port, "unitadmin").postJson(responses, "{\"answers\":[5,4]}").statusCode())
			.isEqualTo(201);
		HttpResponse<String> again = TestClient.signedIn(this.port, "unitadmin")
			.postJson(responses, "{\"answers\":[1,1]}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(TestClient.signedIn(this.port, "unitmember").postJson(responses, "{\"answers\":[3,2]}").statusCode())
			.isEqualTo(201);
		assertThat(TestClient.signedIn(this.port, "unitadmin2").postJson(responses, "{\"answers\":[1,1]}").statusCode())
			.isEqualTo(201);
		String view = TestClient.signedIn(this.port, "reviewer").getJson("/api/v1/surveys/" + id).body();
		// The city: (5 + 3 + 1) / 3 = 3.0 and (4 + 2 + 1) / 3 = 2.33; overall 16 / 6 =
		// 2.67.
		assertThat(JsonPath.<Integer>read(view, "$.city.respondents")).isEqualTo(3);
		assertThat(JsonPath.<List<Double>>read(view, "$.city.averages")).containsExactly(3.0, 2.33);
		assertThat(JsonPath.<Double>read(view, "$.city.overall")).isEqualTo(2.67);
		// 公安局: (5 + 3) / 2 = 4.0 and (4 + 2) / 2 = 3.0.
		assertThat(JsonPath.<List<Object>>read(view, "$.units[?(@.respondents > 0)]")).hasSize(2);
		String unitView = TestClient.signedIn(this.port, "unitmember").getJson("/api/v1/surveys/" + id).body();
		assertThat(JsonPath.<List<Object>>read(unitView, "$.units[*]")).hasSize(1);
		assertThat(JsonPath.<List<Double>>read(unitView, "$.units[0].averages")).containsExactly(4.0, 3.0);
		assertThat(JsonPath.<Boolean>read(unitView, "$.answered")).isTrue();
		assertThat(JsonPath.<Boolean>read(unitView, "$.mayAnswer")).isFalse();
	}

	@Test
	void aMissingAnswerIsRefusedNamingTheQuestionAndNothingIsRecorded() {
		String id = open("年度满意度 二");
		TestClient officer = TestClient.signedIn(this.port, "officer");
		HttpResponse<String> refused = officer.postJson("/api/v1/surveys/" + id + "/responses",
				"{\"answers\":[5,null]}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("answers[1]");
		assertThat(officer.postJson("/api/v1/surveys/" + id + "/responses", "{\"answers\":[6,2]}").statusCode())
			.isEqualTo(400);
		assertThat(JsonPath.<Integer>read(officer.getJson("/api/v1/surveys/" + id).body(), "$.city.respondents"))
			.isEqualTo(0);
		String page = officer.get("/surveys/" + id, "text/html").body();
		assertThat(page).contains("type=\"radio\"").doesNotContain("checked");
		assertThat(officer.postJson("/api/v1/surveys/" + id + "/responses", "{\"answers\":[5,5]}").statusCode())
			.isEqualTo(201);
	}

	@Test
	void twoAnswersOfOnePersonAtOnceRecordExactlyOne() throws Exception {
		String id = open("年度满意度 三");
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> both = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				both.add(() -> unit.postJson("/api/v1/surveys/" + id + "/responses", "{\"answers\":[4,4]}")
					.statusCode());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answered : pool.invokeAll(both)) {
				statuses.add(answered.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(JsonPath.<Integer>read(unit.getJson("/api/v1/surveys/" + id).body(), "$.city.respondents"))
			.isEqualTo(1);
	}

	@Test
	void onlyTheCommissionOpensAndClosesAndAClosedSurveyTakesNoAnswers() {
		String id = open("年度满意度 四");
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.postJson("/api/v1/surveys", "{\"year\":2026,\"title\":\"x\",\"questions\":[\"q\"]}")
			.statusCode()).isEqualTo(403);
		for (String outsider : List.of("operator", "finance", "sysadmin")) {
			assertThat(TestClient.signedIn(this.port, outsider).getJson("/api/v1/surveys/" + id).statusCode())
				.as(outsider)
				.isEqualTo(403);
		}
		assertThat(TestClient.signedIn(this.port, "manager")
			.postJson("/api/v1/surveys/" + id + "/close", "{}")
			.statusCode()).isEqualTo(200);
		assertThat(TestClient.signedIn(this.port, "unitadmin2")
			.postJson("/api/v1/surveys/" + id + "/responses", "{\"answers\":[3,3]}")
			.statusCode()).isEqualTo(409);
		HttpResponse<String> bad = TestClient.signedIn(this.port, "manager")
			.postJson("/api/v1/surveys", "{\"year\":1999,\"half\":3,\"title\":\"\",\"questions\":[]}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("year", "half", "title", "questions");
	}

}
