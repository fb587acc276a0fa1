package cn.govcloud.rightsizing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.metering.Metric;
import cn.govcloud.metering.UtilisationHistory;
import cn.govcloud.shared.CityTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily recomputation reads metering's daily rollups of real accepted hosts and keeps
 * each recommendation with its day: a host at 10% CPU and 20% memory is downsized, a host
 * without any data is released for the supplier to check; a second run of the day
 * replaces the first.
 */
@GovCloudIntegrationTest
class RecomputationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UtilisationHistory history;

	@Autowired
	Recomputation recomputation;

	@Test
	void aQuietHostIsDownsizedAndASilentOneReleasedAtTheContractPrices() {
		Accepted hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 2);
		UUID quiet = UUID.fromString(hosts.instanceIds().get(0));
		UUID silent = UUID.fromString(hosts.instanceIds().get(1));
		load(quiet, 12, 0.10, 0.20);
		LocalDate today = CityTime.today();

		assertThat(this.recomputation.recompute(today)).isGreaterThanOrEqualTo(2);
		this.recomputation.recompute(today);

		Map<String, Object> down = row(quiet, today);
		assertThat(down).containsEntry("action", "DOWNSIZE").containsEntry("mode", "MODERATE");
		assertThat((int) down.get("days_measured")).isBetween(12, 13);
		// 12 UTC days touch 13 city days, the last one or two before today
		// flat 10% and 20% read from the histograms as their bins' middles, 10.25% and
		// 20.25%: vCPU ceil(0.1025 x 8 / 0.6) = 2, memory ceil(0.2025 x 32 / 0.6) = 11
		assertThat((String) down.get("recommended_spec")).contains("\"vcpu\":2", "\"memoryGib\":11");
		// at the contract's prices (the demo tender caps): 6 x 45.00 + 21 x 18.00 =
		// 648.00
		assertThat(down.get("monthly_saving").toString()).isEqualTo("648.00");

		Map<String, Object> release = row(silent, today);
		assertThat(release).containsEntry("action", "RELEASE").containsEntry("supplier_to_check", true);
		// 8 x 45.00 + 32 x 18.00 + 100 x 0.60 = 996.00
		assertThat(release.get("monthly_saving").toString()).isEqualTo("996.00");
		assertThat(this.jdbc.sql("SELECT count(*) FROM rightsizing_recommendation WHERE instance_id = :id")
			.param("id", quiet)
			.query(Long.class)
			.single()).as("a rerun of the day replaces it").isEqualTo(1);
	}

	/** {@code days} whole UTC days before today of flat CPU and memory. */
	private void load(UUID instance, int days, double cpu, double memory) {
		Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(days, ChronoUnit.DAYS);
		this.history.load(List
			.of(series(instance, Metric.CPU, start, days, cpu), series(instance, Metric.MEMORY, start, days, memory))
			.iterator());
	}

	private static UtilisationHistory.Series series(UUID instance, Metric metric, Instant start, int days,
			double value) {
		double[] values = new double[days * 288];
		Arrays.fill(values, value);
		return new UtilisationHistory.Series(instance, metric, "", start, values);
	}

	private Map<String, Object> row(UUID instance, LocalDate on) {
		return this.jdbc.sql("""
				SELECT action, mode, days_measured, supplier_to_check, recommended_spec::text AS recommended_spec,
				       monthly_saving
				FROM rightsizing_recommendation WHERE instance_id = :id AND computed_on = :on
				""").param("id", instance).param("on", java.sql.Date.valueOf(on)).query().singleRow();
	}

}
