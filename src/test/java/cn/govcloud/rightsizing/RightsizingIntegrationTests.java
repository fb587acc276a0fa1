package cn.govcloud.rightsizing;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.metering.Metric;
import cn.govcloud.metering.UtilisationHistory;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily recomputation reads metering's daily rollups of real accepted hosts and keeps
 * each recommendation with its day: a host at 10% CPU and 20% memory is downsized, a host
 * without any data is released for the supplier to check; a second run of the day
 * replaces the first. A unit sees its own recommendations with their evidence, another
 * unit none of them.
 */
@GovCloudIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightsizingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UtilisationHistory history;

	@Autowired
	Recomputation recomputation;

	UUID quiet;

	UUID silent;

	LocalDate today;

	@BeforeAll
	void twoHostsOneMeasured() {
		Accepted hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 2);
		this.quiet = UUID.fromString(hosts.instanceIds().get(0));
		this.silent = UUID.fromString(hosts.instanceIds().get(1));
		load(this.quiet, 12, 0.10, 0.20);
		this.today = CityTime.today();
		assertThat(this.recomputation.recompute(this.today)).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aQuietHostIsDownsizedAndASilentOneReleasedAtTheContractPrices() {
		UUID quiet = this.quiet;
		UUID silent = this.silent;
		LocalDate today = this.today;
		this.recomputation.recompute(today);

		Map<String, Object> down = row(quiet, today);
		assertThat(down).containsEntry("action", "DOWNSIZE").containsEntry("mode", "MODERATE");
		assertThat((int) down.get("days_measured")).isBetween(12, 13);
		// 12 UTC days touch 13 city days, the last one or two before today
		// flat 10% and 20%, the days' p95 as their sketches keep them (ADR 0035): vCPU
		// ceil(0.1 x 8 / 0.6) = 2, memory ceil(0.2 x 32 / 0.6) = 11
		assertThat((String) down.get("recommended_spec")).contains("\"vcpu\": 2", "\"memoryGib\": 11");
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

	@Test
	void theUnitSeesItsRecommendationWithItsEvidenceAndAnotherUnitNothingOfIt() {
		String id = recommendationOf(this.quiet);
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		HttpResponse<String> page = unit.get("/rightsizing/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("648.00", "vCPU 2");
		String evidence = unit.getJson("/api/v1/rightsizing/recommendations/" + id + "/evidence").body();
		assertThat(JsonPath.<List<Double>>read(evidence, "$[*].cpuP95")).hasSizeBetween(12, 13).containsOnly(0.1);
		assertThat(unit.getJson("/api/v1/rightsizing/recommendations?size=200").body()).contains(id);

		TestClient other = TestClient.signedIn(this.port, "unitadmin2");
		for (String path : List.of("/rightsizing/", "/api/v1/rightsizing/recommendations/")) {
			HttpResponse<String> guessed = other.get(path + id);
			HttpResponse<String> missing = other.get(path + UUID.randomUUID());
			assertThat(guessed.statusCode()).as(path).isEqualTo(404).isEqualTo(missing.statusCode());
		}
		assertThat(other.getJson("/api/v1/rightsizing/recommendations/" + id + "/evidence").statusCode())
			.isEqualTo(404);
		assertThat(other.getJson("/api/v1/rightsizing/recommendations?size=200").body()).doesNotContain(id);
		assertThat(other.get("/rightsizing").body()).doesNotContain(id);
		assertThat(TestClient.signedIn(this.port, "manager")
			.get("/rightsizing?action=DOWNSIZE&sort=monthlySaving,desc")
			.body()).contains(id);
	}

	@Test
	void onlyTheCommissionsManagerChoosesTheModeAndAnUnknownModeIsRefused() {
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.postForm("/rightsizing/mode", Map.of("mode", "AGGRESSIVE"))
			.statusCode()).isEqualTo(403);
		TestClient manager = TestClient.signedIn(this.port, "manager");
		manager.postForm("/rightsizing/mode", Map.of("mode", "NOPE"));
		assertThat(manager.get("/rightsizing").body()).contains("适中");
		try {
			assertThat(manager.postForm("/rightsizing/mode", Map.of("mode", "CONSERVATIVE")).statusCode())
				.isEqualTo(302);
			assertThat(manager.get("/rightsizing").body()).contains("保守");
		}
		finally {
			manager.postForm("/rightsizing/mode", Map.of("mode", "MODERATE"));
		}
	}

	private String recommendationOf(UUID instance) {
		return this.jdbc
			.sql("SELECT id::text FROM rightsizing_recommendation WHERE instance_id = :id "
					+ "ORDER BY computed_on DESC LIMIT 1")
			.param("id", instance)
			.query(String.class)
			.single();
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
