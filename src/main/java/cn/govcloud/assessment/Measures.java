package cn.govcloud.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.reporting.Obligations;
import cn.govcloud.security.Findings;
import cn.govcloud.servicedesk.Priority;
import cn.govcloud.servicedesk.RatingSummary;
import cn.govcloud.servicedesk.SlaAttainment;
import cn.govcloud.servicedesk.TicketRatings;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Permission;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The measured value of each data source for a supplier and year, from the records (Art.
 * 19), with the records behind it (the drill-down): the service desk's attainment, P1
 * tickets and ratings (its public APIs), the surveys of the units the supplier serves,
 * the reporting module's obligations on time ({@code Obligations.onTime}) and the
 * security module's rectifications on time ({@code Findings.rectificationsOnTime}).
 * Availability (not measured) is left out — "no data", never a number.
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

	/** The data sources an indicator may read, with the module each comes from. */
	static final Map<String, String> SOURCES = sources();

	private final SlaAttainment attainment;

	private final TicketRatings ratings;

	private final Obligations obligations;

	private final Findings findings;

	private final Organizations organizations;

	private final JdbcClient jdbc;

	Measures(SlaAttainment attainment, TicketRatings ratings, Obligations obligations, Findings findings,
			Organizations organizations, JdbcClient jdbc) {
		this.findings = findings;
		this.attainment = attainment;
		this.ratings = ratings;
		this.obligations = obligations;
		this.organizations = organizations;
		this.jdbc = jdbc;
	}

	private static Map<String, String> sources() {
		Map<String, String> sources = new LinkedHashMap<>();
		sources.put(FIRST_RESPONSE, "servicedesk");
		sources.put(RESOLUTION, "servicedesk");
		sources.put(TICKET_RATINGS, "servicedesk");
		sources.put(SURVEYS, "assessment");
		sources.put(OBLIGATIONS_ON_TIME, "reporting");
		sources.put(RECTIFICATIONS_ON_TIME, "security");
		sources.put(P1_FAULTS, "servicedesk");
		sources.put(AVAILABILITY, "metering");
		return java.util.Collections.unmodifiableMap(sources);
	}

	/** The values by source, with their records; a source without data is absent. */
	Map<String, Drilldown> of(DataScope scope, UUID supplierId, int year, Collection<UUID> servedUnits) {
		Map<String, Drilldown> values = new LinkedHashMap<>();
		serviceDesk(scope, supplierId, year, values);
		ratings(scope, supplierId, year, values);
		survey(year, servedUnits).ifPresent((drilldown) -> values.put(SURVEYS, drilldown));
		obligations(supplierId, year, values);
		rectifications(supplierId, year, values);
		return values;
	}

	/** The values alone, by source. */
	static Map<String, Double> values(Map<String, Drilldown> measures) {
		Map<String, Double> values = new LinkedHashMap<>();
		measures.forEach((source, drilldown) -> values.put(source, drilldown.value()));
		return values;
	}

	private void serviceDesk(DataScope scope, UUID supplierId, int year, Map<String, Drilldown> values) {
		Map<String, long[]> months = new TreeMap<>();
		for (SlaAttainment.Row row : this.attainment.year(scope, year, supplierId)) {
			long[] m = months.computeIfAbsent(row.month(), (key) -> new long[6]);
			m[0] += row.responded();
			m[1] += row.respondedInTime();
			m[2] += row.resolved();
			m[3] += row.resolvedInTime();
			m[4] += (row.priority() == Priority.P1) ? row.tickets() : 0;
			m[5] += row.tickets();
		}
		String link = "/tickets/attainment?year=" + year;
		List<Drilldown.Row> response = new ArrayList<>();
		List<Drilldown.Row> resolution = new ArrayList<>();
		List<Drilldown.Row> p1 = new ArrayList<>();
		long[] sum = new long[6];
		months.forEach((month, m) -> {
			response.add(new Drilldown.Row(month, null, m[0], share(m[1], m[0])));
			resolution.add(new Drilldown.Row(month, null, m[2], share(m[3], m[2])));
			p1.add(new Drilldown.Row(month, null, m[4], null));
			for (int i = 0; i < sum.length; i++) {
				sum[i] += m[i];
			}
		});
		put(values, FIRST_RESPONSE, share(sum[1], sum[0]), link, Permission.READ_TICKETS, response);
		put(values, RESOLUTION, share(sum[3], sum[2]), link, Permission.READ_TICKETS, resolution);
		// no tickets at all: the service desk has nothing to count from, not zero faults
		put(values, P1_FAULTS, (sum[5] > 0) ? (double) sum[4] : null, "/tickets?priority=P1", Permission.READ_TICKETS,
				p1);
	}

	private void ratings(DataScope scope, UUID supplierId, int year, Map<String, Drilldown> values) {
		long rated = 0;
		double stars = 0;
		List<Drilldown.Row> rows = new ArrayList<>();
		LocalDate first = LocalDate.of(year, 1, 1);
		for (RatingSummary summary : this.ratings.byUnit(scope, CityTime.startOf(first),
				CityTime.startOf(first.plusYears(1)))) {
			if (summary.supplierId().equals(supplierId) && summary.ratings() > 0) {
				rated += summary.ratings();
				stars += summary.averageStars() * summary.ratings();
				rows.add(
						new Drilldown.Row(unitName(summary.unitId()), null, summary.ratings(), summary.averageStars()));
			}
		}
		put(values, TICKET_RATINGS, (rated > 0) ? stars / rated : null, "/tickets", Permission.READ_TICKETS, rows);
	}

	/** The average answer of the year's surveys by the served units' people. */
	private java.util.Optional<Drilldown> survey(int year, Collection<UUID> units) {
		List<Drilldown.Row> rows = this.jdbc
			.sql("""
					SELECT s.title, count(DISTINCT r.id) AS responses, avg(a.score) AS average, count(a.*) AS answers
					FROM survey s JOIN survey_response r ON r.survey_id = s.id JOIN survey_answer a ON a.response_id = r.id
					WHERE s.year = :year AND r.unit_id = ANY(:units) GROUP BY s.id, s.title, s.opened_at ORDER BY s.opened_at
					""")
			.param("year", year)
			.param("units", units.toArray(UUID[]::new))
			.query((rs, n) -> new Drilldown.Row(rs.getString("title"), null, rs.getLong("responses"),
					rs.getDouble("average")))
			.list();
		Double average = this.jdbc.sql("""
				SELECT avg(a.score) FROM survey s JOIN survey_response r ON r.survey_id = s.id
				JOIN survey_answer a ON a.response_id = r.id WHERE s.year = :year AND r.unit_id = ANY(:units)
				""")
			.param("year", year)
			.param("units", units.toArray(UUID[]::new))
			.query(Double.class)
			.optional()
			.orElse(null);
		return (average == null) ? java.util.Optional.empty()
				: java.util.Optional.of(new Drilldown(average, "/surveys", Permission.READ_SURVEYS, rows));
	}

	/**
	 * Obligations on time (Art. 11, 12, 14, 16 as the reporting module keeps them): of
	 * those due in the year so far, the share submitted on or before the due day.
	 */
	private void obligations(UUID supplierId, int year, Map<String, Drilldown> values) {
		if (year < 2000 || year > 2100) {
			return;
		}
		onTime(values, OBLIGATIONS_ON_TIME, "/obligations", Permission.READ_OBLIGATIONS,
				this.obligations.onTime(supplierId, year)
					.stream()
					.map((share) -> new Share(share.kind().name(), "obligation.kind." + share.kind().name(),
							share.due(), share.onTime()))
					.toList());
	}

	/**
	 * Rectifications on time (Art. 14 as the security module keeps them): of the findings
	 * the supplier was responsible for whose deadline came in the year, the share
	 * verified with the response given by the deadline.
	 */
	private void rectifications(UUID supplierId, int year, Map<String, Drilldown> values) {
		if (year < 2000 || year > 2100) {
			return;
		}
		onTime(values, RECTIFICATIONS_ON_TIME, "/findings", Permission.READ_INSPECTIONS,
				this.findings.rectificationsOnTime(supplierId, year)
					.stream()
					.map((share) -> new Share(share.severity(), "finding.severity." + share.severity(), share.due(),
							share.onTime()))
					.toList());
	}

	/** A share done on time, one row per group, summed into the indicator's value. */
	private static void onTime(Map<String, Drilldown> values, String source, String link, Permission permission,
			List<Share> shares) {
		long due = 0;
		long onTime = 0;
		List<Drilldown.Row> rows = new ArrayList<>();
		for (Share share : shares) {
			due += share.due();
			onTime += share.onTime();
			rows.add(new Drilldown.Row(share.label(), share.labelCode(), share.due(),
					share(share.onTime(), share.due())));
		}
		put(values, source, share(onTime, due), link, permission, rows);
	}

	private record Share(String label, String labelCode, long due, long onTime) {
	}

	private String unitName(UUID unitId) {
		return this.organizations.lookup(unitId).map(Organization::name).orElse(unitId.toString());
	}

	private static Double share(long met, long of) {
		return (of == 0) ? null : 100.0 * met / of;
	}

	private static void put(Map<String, Drilldown> values, String source, Double value, String link,
			Permission permission, List<Drilldown.Row> rows) {
		if (value != null) {
			values.put(source, new Drilldown(value, link, permission, rows));
		}
	}

}
