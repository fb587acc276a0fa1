package cn.govcloud.calendar;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Duration;
import java.util.Map;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.shared.CityTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Commission's manager keeps a year of the working calendar (through the API and by
 * pasting it on the page), the clocks count in it at once, and a wrong line is named
 * without anything saved.
 */
@GovCloudIntegrationTest
class CalendarIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theManagerKeepsAYearAndTheCalendarCountsInItAtOnce() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		HttpResponse<String> kept = manager.putJson("/api/v1/calendar/years/2030", """
				{"source":"测试通知 2030","days":[
				 {"day":"2030-10-01","kind":"HOLIDAY","name":"国庆节"},
				 {"day":"2030-10-02","kind":"HOLIDAY","name":"国庆节"},
				 {"day":"2030-09-29","kind":"WORKDAY","name":"国庆节调休上班"}]}""");
		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
		assertThat(kept.body()).contains("\"source\":\"测试通知 2030\"").contains("2030-09-29");

		WorkingCalendar calendar = this.calendars.calendar();
		assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2030, 9, 29))).as("a Sunday worked").isTrue();
		// Monday 30 September 17:00 + 1 working hour: 30 min that day, then Thursday 3
		// October (1–2 October are holidays) from 08:30.
		assertThat(calendar.plus(LocalDateTime.of(2030, 9, 30, 17, 0).atZone(CityTime.ZONE).toInstant(),
				Duration.ofHours(1)))
			.isEqualTo(LocalDateTime.of(2030, 10, 3, 9, 0).atZone(CityTime.ZONE).toInstant());

		TestClient member = TestClient.signedIn(this.port, "unitmember");
		assertThat(member.getJson("/api/v1/calendar/years/2030").body()).contains("国庆节调休上班");
		assertThat(member.putJson("/api/v1/calendar/years/2030", "{\"source\":\"x\",\"days\":[]}").statusCode())
			.isEqualTo(403);
		assertThat(TestClient.signedIn(this.port, "sysadmin").getJson("/api/v1/calendar/years").statusCode())
			.isEqualTo(403);
		assertThat(member.getJson("/api/v1/calendar/years/2031").statusCode()).isEqualTo(404);
	}

	@Test
	void wrongDaysAreNamedOneByOneAndNothingIsSaved() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		long before = days();
		HttpResponse<String> refused = manager.putJson("/api/v1/calendar/years/2029", """
				{"source":"","days":[
				 {"day":"2029-10-01","kind":"HOLIDAY","name":"国庆节"},
				 {"day":"2029-10-01","kind":"HOLIDAY","name":"国庆节"},
				 {"day":"2029-10-09","kind":"WORKDAY","name":"周二"},
				 {"day":"2030-01-01","kind":"HOLIDAY","name":"元旦"},
				 {"day":"2029-05-01","kind":null,"name":" "}]}""");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("\"source\"")
			.contains("days[1].day")
			.contains("days[2].kind")
			.contains("days[3].day")
			.contains("days[4].kind")
			.contains("days[4].name");
		assertThat(days()).isEqualTo(before);
		assertThat(manager.getJson("/api/v1/calendar/years/2029").statusCode()).isEqualTo(404);

		HttpResponse<String> overlapping = manager.putJson("/api/v1/calendar/hours",
				"{\"periods\":[{\"starts\":\"08:30\",\"ends\":\"12:00\"},{\"starts\":\"11:00\",\"ends\":\"17:00\"}]}");
		assertThat(overlapping.statusCode()).isEqualTo(400);
		assertThat(overlapping.body()).contains("periods[1].starts");
		HttpResponse<String> backwards = manager.putJson("/api/v1/calendar/hours",
				"{\"periods\":[{\"starts\":\"17:00\",\"ends\":\"08:30\"}]}");
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(this.calendars.calendar().workingDay()).isEqualTo(Duration.ofMinutes(450));
	}

	@Test
	void theManagerPastesAYearOnThePageAndABadLineIsNamed() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		HttpResponse<String> page = manager.get("/calendar?year=2026");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("国庆节调休上班").contains("keep-year").contains("08:30–12:00");
		assertThat(page.body()).as("a year is not a quantity").contains("2026 年节假日与调休").doesNotContain("2,026");

		HttpResponse<String> bad = manager.postForm("/calendar/years",
				Map.of("year", "2028", "source", "测试通知 2028", "days", "2028-01-01,HOLIDAY,元旦\n2028-02-30,放假,春节"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("第 2 行无法识别");
		assertThat(this.calendars.kept(2028)).isEmpty();

		HttpResponse<String> good = manager.postForm("/calendar/years",
				Map.of("year", "2028", "source", "测试通知 2028", "days", "2028-01-01，放假，元旦\n2028-01-29,上班,春节调休上班\n"));
		assertThat(good.statusCode()).isIn(200, 302);
		assertThat(this.calendars.days(2028)).extracting(CalendarDay::kind)
			.containsExactly(CalendarDay.Kind.HOLIDAY, CalendarDay.Kind.WORKDAY);

		HttpResponse<String> unit = TestClient.signedIn(this.port, "unitadmin").get("/calendar?year=2028");
		assertThat(unit.body()).contains("春节调休上班").doesNotContain("id=\"keep-year\"");
	}

	private long days() {
		return this.jdbc.sql("SELECT count(*) FROM calendar_day").query(Long.class).single();
	}

}
