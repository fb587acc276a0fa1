package cn.govcloud.assessment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.servicedesk.Priority;
import cn.govcloud.servicedesk.RatingSummary;
import cn.govcloud.servicedesk.SlaAttainment;
import cn.govcloud.servicedesk.TicketRatings;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The measured value of each indicator for a supplier and year, from the records (Art.
 * 19): the service desk's attainment, P1 tickets and ratings (its public APIs), and the
 * surveys of the units the supplier serves. Obligations on time (the reporting module)
 * and rectifications on time (the security module) are not built yet, and availability is
 * not measured: they are left out — "no data", never a number.
 */
@Component
class Measures {

	static final String FIRST_RESPONSE = "FIRST_RESPONSE";

	static final String RESOLUTION = "RESOLUTION";

	static final String TICKET_RATINGS = "TICKET_RATINGS";

	static final String SURVEYS = "SURVEYS";

	static final String OBLIGATIONS_ON_TIME = "OBLIGATIONS_ON_TIME";

	static final String RECTIFICATIONS_ON_TIME = "RECTIFICATIONS_ON_TIME";

	static final String P1_FAULTS = "P1_FAULTS";

	static final String AVAILABILITY = "AVAILABILITY";

	private final SlaAttainment attainment;

	private final TicketRatings ratings;

	private final JdbcClient jdbc;

	Measures(SlaAttainment attainment, TicketRatings ratings, JdbcClient jdbc) {
		this.attainment = attainment;
		this.ratings = ratings;
		this.jdbc = jdbc;
	}

	/** The values by indicator code; an indicator without data is absent. */
	Map<String, Double> of(DataScope scope, UUID supplierId, int year, Collection<UUID> servedUnits) {
		Map<String, Double> values = new HashMap<>();
		long responded = 0;
		long respondedInTime = 0;
		long resolved = 0;
		long resolvedInTime = 0;
		long p1 = 0;
		for (SlaAttainment.Row row : this.attainment.year(scope, year, supplierId)) {
			responded += row.responded();
			respondedInTime += row.respondedInTime();
			resolved += row.resolved();
			resolvedInTime += row.resolvedInTime();
			p1 += (row.priority() == Priority.P1) ? row.tickets() : 0;
		}
		put(values, FIRST_RESPONSE, responded, 100.0 * respondedInTime);
		put(values, RESOLUTION, resolved, 100.0 * resolvedInTime);
		values.put(P1_FAULTS, (double) p1);
		long rated = 0;
		double stars = 0;
		LocalDate first = LocalDate.of(year, 1, 1);
		for (RatingSummary summary : this.ratings.byUnit(scope, CityTime.startOf(first),
				CityTime.startOf(first.plusYears(1)))) {
			if (summary.supplierId().equals(supplierId)) {
				rated += summary.ratings();
				stars += summary.averageStars() * summary.ratings();
			}
		}
		put(values, TICKET_RATINGS, rated, stars);
		survey(year, servedUnits).ifPresent((average) -> values.put(SURVEYS, average));
		return values;
	}

	/** The average answer of the year's surveys by the served units' people. */
	private java.util.Optional<Double> survey(int year, Collection<UUID> units) {
		List<Double> average = this.jdbc.sql("""
				SELECT avg(a.score) FROM survey s JOIN survey_response r ON r.survey_id = s.id
				JOIN survey_answer a ON a.response_id = r.id
				WHERE s.year = :year AND r.unit_id = ANY(:units) HAVING count(*) > 0
				""").param("year", year).param("units", units.toArray(UUID[]::new)).query(Double.class).list();
		return average.stream().findFirst();
	}

	private static void put(Map<String, Double> values, String code, long count, double sum) {
		if (count > 0) {
			values.put(code, sum / count);
		}
	}

}
