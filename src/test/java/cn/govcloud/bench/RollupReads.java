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
