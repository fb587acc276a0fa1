package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.inventory.Instances;
import cn.govcloud.inventory.OwnedInstance;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Utilisation of many instances as one line (PRODUCT C7): a unit's, a system's, or, for
 * the Commission, the whole city's. Only instances the caller may see are counted. An
 * hourly trend of a whole group (city, unit, supplier) reads its trend aggregates
 * ({@link GroupTrend}, ADR 0035). Recent lines are kept a minute ({@link TrendCache}).
 */
@Service
public class UtilisationTrend {

	private final JdbcClient jdbc;

	private final Instances instances;

	private final TrendCache cache;

	UtilisationTrend(JdbcClient jdbc, Instances instances, TrendCache cache) {
		this.jdbc = jdbc;
		this.instances = instances;
		this.cache = cache;
	}

	/**
	 * The trend of one metric over the instances that pass {@code filter} (its metric and
	 * instance are ignored), at the resolution the range calls for.
	 */
	public List<TrendPoint> trend(DataScope scope, UtilisationFilter filter, Metric metric, Instant from, Instant to) {
		if (metric == null) {
			throw InvalidInputException.of("metric", "error.metering.metric",
					Arrays.stream(Metric.values()).map(Metric::name).collect(Collectors.joining(", ")));
		}
		if (from == null || to == null || !from.isBefore(to)) {
			throw InvalidInputException.of("to", "error.metering.period");
		}
		// The set's digest is computed in PostgreSQL: a kept line costs one aggregate,
		// not
		// the city's 30,000 ids read, sorted and hashed here (issue 13, ADR 0043). The
		// ids
		// are read only when the line is.
		Instances.Fingerprint set = this.instances.fingerprint(scope, filter.unitId(), filter.systemId());
		if (set.count() == 0) {
			return List.of();
		}
		return this.cache.line(set.digest(), metric, from, to,
				(start, end) -> read(scope, filter, ids(scope, filter), metric, start, end));
	}

	private UUID[] ids(DataScope scope, UtilisationFilter filter) {
		return this.instances.visible(scope, filter.unitId(), filter.systemId(), null)
			.stream()
			.map(OwnedInstance::id)
			.toArray(UUID[]::new);
	}

	private List<TrendPoint> read(DataScope scope, UtilisationFilter filter, UUID[] ids, Metric metric, Instant from,
			Instant to) {
		Resolution resolution = Resolution.forRange(from, to);
		Optional<GroupTrend.Group> group = (resolution == Resolution.HOUR) ? GroupTrend.of(scope, filter)
				: Optional.empty();
		if (group.isPresent()) {
			return GroupTrend.read(this.jdbc, group.get(), ids, metric, from, to);
		}
		return points(this.jdbc, ids, metric, from, to, resolution);
	}

	/** The trend from the instances' own points. */
	static List<TrendPoint> points(JdbcClient jdbc, UUID[] ids, Metric metric, Instant from, Instant to,
			Resolution resolution) {
		String combine = metric.ratio() ? "avg" : "sum";
		String sql = "SELECT bucket, " + combine + "(sum / nullif(count, 0)), max(max), count(DISTINCT instance_id)"
				+ " FROM (" + RollupSource.sql(resolution) + ") s GROUP BY bucket ORDER BY bucket";
		return jdbc.sql(sql)
			.param("ids", ids)
			.param("metric", metric.code())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new TrendPoint(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3),
					rs.getInt(4)))
			.list();
	}

	/** The instance a chart is drawn for; one out of scope reads as not found. */
	public MeteredInstance instance(DataScope scope, UUID instanceId) {
		return this.instances.heading(scope, instanceId)
			.map((i) -> new MeteredInstance(i.id(), i.name(), i.cloudInstanceId(), i.unitId(), i.unitName(),
					i.systemId(), i.systemName()))
			.orElseThrow(() -> new NotFoundException("instance", instanceId));
	}

}
