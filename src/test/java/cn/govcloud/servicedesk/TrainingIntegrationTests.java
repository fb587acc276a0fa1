package cn.govcloud.servicedesk;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trainings (Art. 11): the supplier plans, units sign people up within the capacity,
 * attendance is recorded after the start, attendees rate once, materials are checked by
 * content, and the counts per unit follow.
 */
@GovCloudIntegrationTest
class TrainingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSessionIsPlannedFilledHeldAndRatedOnce() {
		TestClient operator = TestClient.signedIn(this.port, "operator");
		String startsAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		HttpResponse<String> planned = operator.postJson("/api/v1/trainings", """
				{"topic":"云主机安全基线","description":"等保二级基线","startsAt":"%s","place":"市民中心 3 楼",
				 "trainer":"孙浩","capacity":2}""".formatted(startsAt));
		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
		String id = JsonPath.read(planned.body(), "$.id");
		HttpResponse<String> page = operator.get("/trainings/" + id);
		assertThat(page.statusCode()).as("the page of a session nobody rated yet").isEqualTo(200);
		assertThat(page.body()).contains("云主机安全基线").contains("id=\"seats\"");

		TestClient unitadmin = TestClient.signedIn(this.port, "unitadmin");
		String member = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'unitmember'")
			.query(String.class)
			.single();
		assertThat(unitadmin.postJson("/api/v1/trainings/" + id + "/signups", "{}").statusCode()).isEqualTo(200);
		assertThat(unitadmin.postJson("/api/v1/trainings/" + id + "/signups", "{}").statusCode())
			.as("signed up already")
			.isEqualTo(409);
		assertThat(unitadmin.postJson("/api/v1/trainings/" + id + "/signups", "{\"userId\":\"" + member + "\"}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> full = TestClient.signedIn(this.port, "officer")
			.postJson("/api/v1/trainings/" + id + "/signups", "{}");
		assertThat(full.statusCode()).isEqualTo(409);
		String outsider = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'unitadmin2'")
			.query(String.class)
			.single();
		assertThat(unitadmin.postJson("/api/v1/trainings/" + id + "/signups", "{\"userId\":\"" + outsider + "\"}")
			.statusCode()).as("not of the unit").isEqualTo(400);
		assertThat(TestClient.signedIn(this.port, "unitadmin2").getJson("/api/v1/trainings/" + id + "/signups").body())
			.isEqualTo("[]");

		String admin = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'unitadmin'")
			.query(String.class)
			.single();
		assertThat(operator.postJson("/api/v1/trainings/" + id + "/attendance", "{\"attended\":[\"" + admin + "\"]}")
			.statusCode()).as("before the start").isEqualTo(400);
		this.jdbc.sql("UPDATE training_session SET starts_at = now() - interval '1 hour' WHERE id = ?")
			.param(UUID.fromString(id))
			.update();
		HttpResponse<String> held = operator.postJson("/api/v1/trainings/" + id + "/attendance",
				"{\"attended\":[\"" + admin + "\"]}");
		assertThat((String) JsonPath.read(held.body(), "$.status")).isEqualTo("HELD");

		assertThat(TestClient.signedIn(this.port, "unitmember")
			.postJson("/api/v1/trainings/" + id + "/rating", "{\"stars\":4}")
			.statusCode()).as("absent").isEqualTo(400);
		assertThat(unitadmin.postJson("/api/v1/trainings/" + id + "/rating", "{\"stars\":5}").statusCode())
			.isEqualTo(200);
		assertThat(unitadmin.postJson("/api/v1/trainings/" + id + "/rating", "{\"stars\":1}").statusCode())
			.isEqualTo(409);
		assertThat(unitadmin.get("/trainings/" + id).body()).contains("5.0 / 5");

		List<Integer> attended = JsonPath.read(unitadmin.getJson("/api/v1/trainings/counts").body(), "$[*].attended");
		assertThat(attended).isNotEmpty();
		assertThat(TestClient.signedIn(this.port, "auditadmin").getJson("/api/v1/trainings").statusCode())
			.isEqualTo(403);
	}

	@Test
	void materialsAreCheckedByContentAndBadPlansAreNamed() {
		TestClient operator = TestClient.signedIn(this.port, "operator");
		HttpResponse<String> bad = operator.postJson("/api/v1/trainings",
				"{\"topic\":\" \",\"startsAt\":\"2020-01-01T00:00:00Z\",\"capacity\":0}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("topic")
			.contains("startsAt")
			.contains("capacity")
			.contains("place")
			.contains("trainer");
		String startsAt = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		String id = JsonPath.read(
				operator
					.postJson("/api/v1/trainings",
							"""
									{"topic":"迁移上云","startsAt":"%s","place":"线上会议","trainer":"周婷","capacity":30}"""
								.formatted(startsAt))
					.body(),
				"$.id");
		assertThat(operator.postMultipart("/api/v1/trainings/" + id + "/materials", "file", "课件.pdf", Scenarios.PDF)
			.statusCode()).isEqualTo(201);
		HttpResponse<String> disguised = operator.postMultipart("/api/v1/trainings/" + id + "/materials", "file",
				"课件.pdf", "MZ\u0090\u0000 not a pdf".getBytes());
		assertThat(disguised.statusCode()).isEqualTo(400);
		assertThat(disguised.body()).contains("file");
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.postMultipart("/api/v1/trainings/" + id + "/materials", "file", "x.pdf", Scenarios.PDF)
			.statusCode()).isEqualTo(403);
	}

}
