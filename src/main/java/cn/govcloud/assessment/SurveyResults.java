package cn.govcloud.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.assessment.SurveyView.SurveyResult;
import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.servicedesk.RatingSummary;
import cn.govcloud.servicedesk.TicketRatings;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A survey's results (Art. 19): the average answer per question for each unit in the
 * caller's scope (the Commission every unit, a unit its own) and for the whole city.
 */
@Component
class SurveyResults {

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final TicketRatings ratings;

	SurveyResults(JdbcClient jdbc, Organizations organizations, TicketRatings ratings) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.ratings = ratings;
	}

	List<String> questions(UUID id) {
		return this.jdbc.sql("SELECT text FROM survey_question WHERE survey_id = :id ORDER BY position")
			.param("id", id)
			.query(String.class)
			.list();
	}

	SurveyView view(DataScope scope, UUID id) {
		Head head = this.jdbc.sql("SELECT year, half, title, status, opened_at FROM survey WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Head(rs.getInt(1), rs.getObject(2, Integer.class), rs.getString(3),
					SurveyStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()))
			.optional()
			.orElseThrow(() -> new NotFoundException("survey", id));
		List<String> questions = questions(id);
		boolean answered = this.jdbc
			.sql("SELECT count(*) FROM survey_response WHERE survey_id = :id AND respondent_id = :who")
			.param("id", id)
			.param("who", scope.principal().userId())
			.query(Long.class)
			.single() > 0;
		boolean respondent = scope.principal().organizationKind() == OrganizationKind.UNIT;
		Map<UUID, Tally> tallies = tallies(id, questions.size());
		Tally city = new Tally(questions.size());
		tallies.values().forEach(city::add);
		Map<UUID, Stars> stars = stars(scope, head.year(), head.half());
		Stars cityStars = new Stars();
		stars.values().forEach((unit) -> cityStars.add(unit.count, unit.sum));
		List<SurveyResult> units = new ArrayList<>();
		for (Organization unit : this.organizations.ofKind(OrganizationKind.UNIT)) {
			Tally tally = tallies.getOrDefault(unit.id(), new Tally(questions.size()));
			Stars rated = stars.getOrDefault(unit.id(), new Stars());
			if (scope.canRead(unit.id()) && (tallies.containsKey(unit.id()) || rated.count > 0)) {
				units.add(tally.result(unit.id(), unit.name(), rated));
			}
		}
		return new SurveyView(id, head.year(), head.half(), head.title(), head.status(), head.openedAt(), questions,
				answered, respondent && !answered && head.status() == SurveyStatus.OPEN,
				city.result(null, null, scope.seesAll() ? cityStars : new Stars()), units);
	}

	/** Per unit: respondents and the sum of answers per question. */
	private Map<UUID, Tally> tallies(UUID id, int questions) {
		Map<UUID, Tally> tallies = new HashMap<>();
		this.jdbc.sql("""
				SELECT r.unit_id, a.position, count(*), sum(a.score)
				FROM survey_response r JOIN survey_answer a ON a.response_id = r.id
				WHERE r.survey_id = :id GROUP BY r.unit_id, a.position
				""").param("id", id).query((rs) -> {
			tallies.computeIfAbsent(rs.getObject(1, UUID.class), (unit) -> new Tally(questions))
				.add(rs.getInt(2) - 1, rs.getLong(3), rs.getLong(4));
		});
		return tallies;
	}

	/**
	 * The ticket ratings of the survey's period (its year or half-year) per unit, over
	 * every supplier: the second satisfaction source.
	 */
	private Map<UUID, Stars> stars(DataScope scope, int year, Integer half) {
		LocalDate first = LocalDate.of(year, (half != null && half == 2) ? 7 : 1, 1);
		LocalDate end = (half == null) ? first.plusYears(1) : first.plusMonths(6);
		Map<UUID, Stars> stars = new HashMap<>();
		for (RatingSummary rated : this.ratings.byUnit(scope, CityTime.startOf(first), CityTime.startOf(end))) {
			stars.computeIfAbsent(rated.unitId(), (unit) -> new Stars())
				.add(rated.ratings(), rated.averageStars() * rated.ratings());
		}
		return stars;
	}

	/** Ticket ratings added up. */
	private static final class Stars {

		private long count;

		private double sum;

		void add(long ratings, double stars) {
			this.count += ratings;
			this.sum += stars;
		}

		Double average() {
			return (this.count == 0) ? null : Tally.round(this.sum / this.count);
		}

	}

	private record Head(int year, Integer half, String title, SurveyStatus status, java.time.Instant openedAt) {
	}

	/** Answers added up per question. */
	private static final class Tally {

		private final long[] counts;

		private final long[] sums;

		Tally(int questions) {
			this.counts = new long[questions];
			this.sums = new long[questions];
		}

		void add(int question, long count, long sum) {
			if (question >= 0 && question < this.counts.length) {
				this.counts[question] += count;
				this.sums[question] += sum;
			}
		}

		void add(Tally other) {
			for (int i = 0; i < this.counts.length; i++) {
				add(i, other.counts[i], other.sums[i]);
			}
		}

		SurveyResult result(UUID unitId, String unitName, Stars stars) {
			List<Double> averages = new ArrayList<>();
			long count = 0;
			long sum = 0;
			for (int i = 0; i < this.counts.length; i++) {
				averages.add((this.counts[i] == 0) ? null : round(this.sums[i] / (double) this.counts[i]));
				count += this.counts[i];
				sum += this.sums[i];
			}
			long respondents = (this.counts.length == 0) ? 0 : this.counts[0];
			return new SurveyResult(unitId, unitName, respondents, averages,
					(count == 0) ? null : round(sum / (double) count), stars.count, stars.average());
		}

		private static double round(double value) {
			return Math.round(value * 100) / 100.0;
		}

	}

}
