package cn.govcloud.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import cn.govcloud.metering.Metric;
import cn.govcloud.metering.Utilisation;
import cn.govcloud.metering.UtilisationFilter;
import cn.govcloud.metering.UtilisationTrend;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.OrganizationKind;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reads of issue 12, through GovCloud's own readers, as the Commission's manager. */
final class RollupReads {

	private final Utilisation utilisation;

	private final UtilisationTrend trend;

	private final DataScope commission;

	private final RollupBenchmark.HostFleet fleet;

	RollupReads(ApplicationContext context, RollupBenchmark.HostFleet fleet) {
		this.utilisation = context.getBean(Utilisation.class);
		this.trend = context.getBean(UtilisationTrend.class);
		this.fleet = fleet;
		GovCloudPrincipal manager = context.getBean(JdbcTemplate.class)
			.queryForObject("""
					SELECT u.id, u.username, o.id, o.name, o.kind FROM app_user u
					JOIN organization o ON o.id = u.organization_id WHERE u.username = 'manager'""",
					(rs, n) -> new GovCloudPrincipal(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(2),
							rs.getObject(3, UUID.class), rs.getString(4), OrganizationKind.valueOf(rs.getString(5)),
							java.util.Set.of(cn.govcloud.shared.Role.COMMISSION_MANAGER), false));
		this.commission = context.getBean(DataScopes.class).of(manager);
	}

	int cityTrend() {
		Instant now = Instant.now();
		return this.trend
			.trend(this.commission, UtilisationFilter.all(), Metric.CPU, now.minus(Duration.ofDays(30)), now)
			.size();
	}

	int unitTable() {
		Instant now = Instant.now();
		return this.utilisation
			.summary(this.commission, new UtilisationFilter(this.fleet.unitId(), null, null, null),
					now.minus(Duration.ofDays(30)), now)
			.size();
	}

	/**
	 * p95 of the unit table's first {@code hosts} hosts against the exact nearest rank of
	 * their 5-minute averages (read from the packed rows and cells here): the largest
	 * difference for ratios (percentage points) and for network rates (relative).
	 */
	String p95Error(JdbcTemplate jdbc, int hosts) {
		Instant now = Instant.now();
		Instant from = now.minus(Duration.ofDays(30));
		java.util.List<UUID> ids = this.fleet.instances().subList(0, Math.min(hosts, this.fleet.unitHosts()));
		java.util.Map<String, Double> exact = new java.util.HashMap<>();
		jdbc.query("""
				SELECT instance_id, metric, dimension, percentile_disc(0.95) WITHIN GROUP (ORDER BY v) FROM (
				  SELECT instance_id, metric, dimension, p.bucket + (u.n - 1) * interval '5 minutes' AS b,
				         metering_value(metric, u.a) AS v
				  FROM metering_5m_day p CROSS JOIN LATERAL unnest(p.avg, p.count) WITH ORDINALITY AS u(a, c, n)
				  WHERE instance_id = ANY(?::uuid[]) AND u.c > 0
				  UNION ALL
				  SELECT instance_id, metric, dimension, p.bucket + (u.n - 1) * interval '5 minutes' AS b,
				         metering_value(metric, u.a) AS v
				  FROM metering_5m_hour p CROSS JOIN LATERAL unnest(p.avg, p.count) WITH ORDINALITY AS u(a, c, n)
				  WHERE instance_id = ANY(?::uuid[]) AND u.c > 0
				  UNION ALL
				  SELECT instance_id, metric, dimension, bucket, sum / count FROM metering_5m
				  WHERE instance_id = ANY(?::uuid[])
				) x WHERE b >= ? AND b < ? GROUP BY 1, 2, 3""", (java.sql.ResultSet rs) -> {
			exact.put(rs.getString(1) + rs.getShort(2) + rs.getString(3), rs.getDouble(4));
		}, ids.toArray(UUID[]::new), ids.toArray(UUID[]::new), ids.toArray(UUID[]::new), java.sql.Timestamp.from(from),
				java.sql.Timestamp.from(now));
		double ratio = 0;
		double rate = 0;
		int compared = 0;
		for (var row : this.utilisation.summary(this.commission,
				new UtilisationFilter(this.fleet.unitId(), null, null, null), from, now)) {
			Double expected = exact.get(row.instanceId().toString() + row.metric().code() + row.dimension());
			if (expected != null) {
				compared++;
				if (row.metric().ratio()) {
					ratio = Math.max(ratio, Math.abs(row.p95() - expected) * 100);
				}
				else if (expected > 0) {
					rate = Math.max(rate, Math.abs(row.p95() - expected) / expected * 100);
				}
			}
		}
		return "%d series: largest difference %.3f percentage points (ratios), %.3f %% (network)".formatted(compared,
				ratio, rate);
	}

	/**
	 * The unit's table of the last whole calendar month (city days only, as reports
	 * read).
	 */
	int unitCalendarMonth() {
		java.time.LocalDate first = cn.govcloud.shared.CityTime.today().withDayOfMonth(1).minusMonths(1);
		return this.utilisation.summary(this.commission, new UtilisationFilter(this.fleet.unitId(), null, null, null),
				cn.govcloud.shared.CityTime.startOf(first), cn.govcloud.shared.CityTime.startOf(first.plusMonths(1)))
			.size();
	}

	int instanceMonth() {
		Instant now = Instant.now();
		return this.utilisation
			.series(this.commission, this.fleet.instances().get(7), Metric.CPU, now.minus(Duration.ofDays(30)), now)
			.size();
	}

	int instanceTwoDays() {
		Instant now = Instant.now();
		return this.utilisation
			.series(this.commission, this.fleet.instances().get(7), Metric.CPU, now.minus(Duration.ofDays(2)), now)
			.size();
	}

}
