package cn.govcloud.world;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import cn.govcloud.shared.CityTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Last year's satisfaction survey (Art. 19) as the assessment module writes it: opened by
 * a Commission manager, answered once by most of the units' people, every question 1–5,
 * leaning to satisfied (the rows the app writes, in batches).
 */
final class WorldSurveys {

	static final List<String> QUESTIONS = List.of("运维服务响应是否及时？", "故障与问题是否彻底解决？", "服务人员态度与沟通是否满意？", "培训与技术支持是否满足需要？");

	private WorldSurveys() {
	}

	/**
	 * @return the responses written
	 */
	static int write(JdbcClient jdbc, City city, Random random) {
		if (city.managers.isEmpty()) {
			return 0;
		}
		int year = CityTime.today().getYear() - 1;
		UUID survey = UUID.randomUUID();
		Instant opened = CityTime.startOf(LocalDate.of(year, 12, 1));
		jdbc.sql("""
				INSERT INTO survey (id, year, half, title, status, opened_by, opened_at, closed_at)
				VALUES (:id, :year, NULL, :title, 'CLOSED', :by, :at, :closed)
				""")
			.param("id", survey)
			.param("year", year)
			.param("title", year + " 年度政务云服务满意度调查")
			.param("by", city.managers.get(0).id())
			.param("at", Timestamp.from(opened))
			.param("closed", Timestamp.from(opened.plusSeconds(20L * 86_400)))
			.update();
		for (int i = 0; i < QUESTIONS.size(); i++) {
			jdbc.sql("INSERT INTO survey_question (survey_id, position, text) VALUES (:id, :p, :t)")
				.param("id", survey)
				.param("p", i + 1)
				.param("t", QUESTIONS.get(i))
				.update();
		}
		int responses = 0;
		for (City.Unit unit : city.units) {
			List<City.Person> people = new ArrayList<>(unit.admins);
			people.addAll(unit.members);
			people.addAll(unit.officers);
			for (City.Person person : people) {
				if (random.nextInt(10) < 7) {
					answer(jdbc, survey, unit.id, person, opened.plusSeconds(random.nextInt(19 * 86_400)), random);
					responses++;
				}
			}
		}
		return responses;
	}

	private static void answer(JdbcClient jdbc, UUID survey, UUID unit, City.Person person, Instant at, Random random) {
		UUID response = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO survey_response (id, survey_id, respondent_id, unit_id, answered_at)
				VALUES (:id, :survey, :who, :unit, :at)
				""")
			.param("id", response)
			.param("survey", survey)
			.param("who", person.id())
			.param("unit", unit)
			.param("at", Timestamp.from(at))
			.update();
		for (int i = 0; i < QUESTIONS.size(); i++) {
			// Mostly 4 and 5, now and then lower: a served city that is broadly content.
			int score = Math.min(5, 2 + random.nextInt(3) + (random.nextInt(3) > 0 ? 1 : 0));
			jdbc.sql("INSERT INTO survey_answer (response_id, position, score) VALUES (:r, :p, :s)")
				.param("r", response)
				.param("p", i + 1)
				.param("s", score)
				.update();
		}
	}

}
