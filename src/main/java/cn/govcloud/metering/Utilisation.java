package cn.govcloud.metering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import cn.govcloud.inventory.Instances;
import cn.govcloud.inventory.OwnedInstance;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads the utilisation rollups (PRODUCT C7), for charts and tables. A unit sees its own
 * instances, a supplier the instances it runs, the Commission every instance; an instance
 * out of scope reads as not found.
 *
 * <p>
 * p95 is the 95th percentile (nearest rank) of the period's 5-minute averages: exact for
 * periods up to two days within the 5-minute retention, else merged from the daily
 * sketches and the 5-minute averages of the partial days (see {@link P95Estimate}; ADR
 * 0035).
 */
@Service
public class Utilisation {

	/**
	 * Up to this many instances (a page of the utilisation table, one instance's page)
	 * the summaries' statements run with a plan made once per connection, their
	 * partitions pruned when they run. Planned at each call, the packed days' 35
	 * partitions cost more to plan than to read: 1.6 of 2.8 ms per statement, two such
	 * statements per edge of the period (issue 13, ADR 0053). A city's instances (the
	 * finance bureau's budget) keep plans made for the ids they bind.
	 */
	static final int PLANNED_ONCE = 64;

	private final JdbcClient jdbc;

	/** The summaries' reads, rows in binary (arrays of codes, sketches; ADR 0048). */
	private final JdbcClient summaries;

	private final MeteringSettings settings;

	private final Instances instances;

	Utilisation(JdbcClient jdbc, DataSource dataSource, MeteringSettings settings, Instances instances) {
		this.jdbc = jdbc;
		this.summaries = BinaryResults.client(dataSource);
		this.settings = settings;
		this.instances = instances;
	}

	/**
	 * One instance's chart of one metric from {@code from} (inclusive) to {@code to}
	 * (exclusive): 5-minute points up to two days, hourly up to 90 days, daily beyond;
	 * one line per dimension (mountpoint, network device), ordered by dimension and time.
	 *
	 * <p>
	 * The chart's statement runs with a plan made once per connection, its partitions
	 * pruned when it runs: planned for each call, the planning cost about as much as the
	 * reading (the rollups' partitions and three sources), and the chart API is a quarter
	 * of the load test's requests (issue 13, ADR 0052). One series' key is always one
	 * instance and metric, so the plan does not depend on the values bound.
	 */
	@Transactional(readOnly = true)
	public List<UtilisationPoint> series(DataScope scope, UUID instanceId, Metric metric, Instant from, Instant to) {
		checkPeriod(from, to);
		if (visible(scope, new UtilisationFilter(null, null, instanceId, null)).isEmpty()) {
			throw new NotFoundException("instance", instanceId);
		}
		this.jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
		String sql = "SELECT bucket, dimension, sum / count AS avg, max, count FROM ("
				+ RollupSource.sql(Resolution.forRange(from, to)) + ") p ORDER BY dimension, bucket";
		return this.jdbc.sql(sql)
			.param("ids", new UUID[] { instanceId })
			.param("metric", metric.code())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new UtilisationPoint(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getDouble(3),
					rs.getDouble(4), rs.getLong(5)))
			.list();
	}

	/**
	 * Avg / p95 / max per visible instance, metric and dimension over a period, ordered
	 * by instance name.
	 */
	@Transactional(readOnly = true)
	public List<InstanceUtilisation> summary(DataScope scope, UtilisationFilter filter, Instant from, Instant to) {
		checkPeriod(from, to);
		Map<UUID, OwnedInstance> instances = visible(scope, filter);
		if (instances.isEmpty()) {
			return List.of();
		}
		List<InstanceUtilisation> result = new ArrayList<>();
		for (Row row : rows(instances.keySet(), filter.metric(), from, to)) {
			OwnedInstance instance = instances.get(row.instanceId());
			result
				.add(new InstanceUtilisation(row.instanceId(), instance.name(), instance.unitId(), instance.systemId(),
						row.metric(), row.dimension(), row.avg(), row.p95(), row.max(), row.samples()));
		}
		result.sort((a, b) -> a.instanceName().compareTo(b.instanceName()));
		return result;
	}

	/**
	 * The same for one page of the visible instances in name order (the utilisation
	 * page): only that page's instances are read, so a city of 30,000 hosts costs what a
	 * unit does (issue 13). The page's total counts instances, its items are their rows.
	 */
	@Transactional(readOnly = true)
	public Page<InstanceUtilisation> summary(DataScope scope, UtilisationFilter filter, Instant from, Instant to,
			Page.Request page) {
		checkPeriod(from, to);
		Page<OwnedInstance> shown = this.instances.visible(scope, filter.unitId(), filter.systemId(),
				filter.instanceId(), page);
		Map<UUID, OwnedInstance> byId = new LinkedHashMap<>();
		shown.items().forEach((instance) -> byId.put(instance.id(), instance));
		List<InstanceUtilisation> result = new ArrayList<>();
		if (!byId.isEmpty()) {
			for (Row row : rows(byId.keySet(), filter.metric(), from, to)) {
				OwnedInstance instance = byId.get(row.instanceId());
				result.add(new InstanceUtilisation(row.instanceId(), instance.name(), instance.unitId(),
						instance.systemId(), row.metric(), row.dimension(), row.avg(), row.p95(), row.max(),
						row.samples()));
			}
		}
		result.sort(Comparator.comparing(InstanceUtilisation::instanceName)
			.thenComparing(InstanceUtilisation::instanceId)
			.thenComparing(InstanceUtilisation::dimension));
		return new Page<>(result, page.page(), page.size(), shown.total());
	}

	/**
	 * Each unit's utilisation of one metric over a period, for the finance bureau's
	 * budget (Art. 18): the average over all its hosts' samples, and the average of its
	 * hosts' p95 (a unit-wide p95 of every 5-minute value is not kept, ADR 0012). The
	 * finance bureau and the Commission read every unit; anyone else the units of the
	 * instances in scope. Units without samples are left out: "no data", never zero.
	 */
	public List<UnitUtilisation> byUnit(DataScope scope, Metric metric, Instant from, Instant to) {
		checkPeriod(from, to);
		Map<UUID, UUID> unitOf = new LinkedHashMap<>();
		this.instances.forAggregates(scope).forEach((instance) -> unitOf.put(instance.id(), instance.unitId()));
		if (unitOf.isEmpty()) {
			return List.of();
		}
		Map<UUID, UnitUtilisation.Sum> sums = new LinkedHashMap<>();
		for (Row row : rows(unitOf.keySet(), metric, from, to)) {
			if (row.samples() > 0 && row.dimension().isEmpty()) {
				sums.computeIfAbsent(unitOf.get(row.instanceId()), UnitUtilisation.Sum::new)
					.add(row.avg(), row.p95(), row.samples());
			}
		}
		return sums.values().stream().map((sum) -> sum.result(metric)).toList();
	}

	private List<Row> rows(Set<UUID> ids, Metric metric, Instant from, Instant to) {
		if (ids.size() <= PLANNED_ONCE && TransactionSynchronizationManager.isActualTransactionActive()) {
			this.summaries.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
		}
		if (Resolution.forRange(from, to) == Resolution.FIVE_MINUTES
				&& !from.isBefore(Instant.now().minus(this.settings.retention().fiveMinute()))) {
			return SummaryQueries.fromFiveMinutes(this.summaries, ids, metric, from, to);
		}
		return SummaryQueries.fromDays(this.summaries, ids, metric, from, to);
	}

	/**
	 * The instances the caller may see and the filter lets through, by id: a unit its
	 * own, a supplier those it runs, the Commission all (the inventory's rule, one
	 * query).
	 */
	private Map<UUID, OwnedInstance> visible(DataScope scope, UtilisationFilter filter) {
		Map<UUID, OwnedInstance> found = new LinkedHashMap<>();
		for (OwnedInstance instance : this.instances.visible(scope, filter.unitId(), filter.systemId(),
				filter.instanceId())) {
			found.put(instance.id(), instance);
		}
		return found;
	}

	private static void checkPeriod(Instant from, Instant to) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw InvalidInputException.of("to", "error.metering.period");
		}
	}

	record Row(UUID instanceId, Metric metric, String dimension, double avg, double p95, double max, long samples) {

		static Row map(ResultSet rs, int n) throws SQLException {
			return new Row(rs.getObject("instance_id", UUID.class), Metric.ofCode(rs.getShort("metric")),
					rs.getString("dimension"), rs.getDouble("avg"), rs.getDouble("p95"), rs.getDouble("max"),
					rs.getLong("samples"));
		}

	}

}
