package cn.govcloud.metering;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Utilisation as people read it (Art. 8, 12; PRODUCT C7): two accepted hosts report CPU
 * through remote write; the unit's trend, its table and the instance's page show it, and
 * nobody outside the unit, the supplier and the Commission sees it.
 */
@GovCloudIntegrationTest
class UtilisationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	MeteredHosts metered;

	Instant start;

	@BeforeEach
	void twoHostsReportingCpu() {
		this.metered = MeteredHosts.provision(this.port, this.context, 2);
		this.start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
		assertThat(this.metered.write("govcloud_cpu_utilisation_ratio", this.start.toEpochMilli(), 30, 0.2, 0.6))
			.isEqualTo(204);
		assertThat(this.metered.summary("CPU", this.start)).hasSize(2);
	}

	@Test
	void theSystemsTrendAveragesItsHostsAndShowsTheHighest() {
		HttpResponse<String> trend = TestClient.signedIn(this.port, "unitadmin")
			.getJson("/api/v1/metering/trend?metric=CPU&systemId=" + this.metered.systemId() + "&from=" + this.start
					+ "&to=" + this.start.plus(Duration.ofHours(1)));

		assertThat(trend.statusCode()).as(trend.body()).isEqualTo(200);
		List<Double> averages = JsonPath.read(trend.body(), "$[*].avg");
		assertThat(averages).hasSize(6).allSatisfy((avg) -> assertThat(avg).isCloseTo(0.4, within()));
		assertThat(JsonPath.<List<Double>>read(trend.body(), "$[*].max"))
			.allSatisfy((max) -> assertThat(max).isCloseTo(0.6, within()));
		assertThat(JsonPath.<List<Integer>>read(trend.body(), "$[*].instances")).containsOnly(2);
		assertThat(JsonPath.<String>read(trend.body(), "$[0].at")).isEqualTo(this.start.toString());
	}

	@Test
	void aWeeksChartIsHourlyAndSumsTheHoursNotYetSealed() {
		MeteredHosts.Host host = this.metered.hosts().get(0);
		HttpResponse<String> week = TestClient.signedIn(this.port, "unitadmin")
			.getJson("/api/v1/metering/instances/" + host.id() + "/utilisation?metric=CPU&from="
					+ this.start.minus(Duration.ofDays(6)) + "&to=" + this.start.plus(Duration.ofDays(1)));

		assertThat(week.statusCode()).as(week.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(week.body(), "$[*].at")).containsExactly(this.start.toString());
		assertThat(JsonPath.<List<Double>>read(week.body(), "$[*].avg")).singleElement()
			.satisfies((avg) -> assertThat(avg).isCloseTo(0.2, within()));
		assertThat(JsonPath.<List<Integer>>read(week.body(), "$[*].samples")).containsExactly(30);
	}

	@Test
	void theCityTrendIsTheCommissionsAndTheSupplierSeesItsHosts() {
		String path = "/api/v1/metering/trend?metric=CPU&period=DAY";

		assertThat(JsonPath.<List<?>>read(TestClient.signedIn(this.port, "manager").getJson(path).body(), "$"))
			.isNotEmpty();
		assertThat(JsonPath.<List<?>>read(TestClient.signedIn(this.port, "operator").getJson(path).body(), "$"))
			.isNotEmpty();
	}

	@Test
	void anotherUnitSeesNoneOfIt() {
		TestClient other = TestClient.signedIn(this.port, "unitadmin2");
		MeteredHosts.Host host = this.metered.hosts().get(0);

		assertThat(other.getJson("/api/v1/metering/trend?metric=CPU&systemId=" + this.metered.systemId()).body())
			.isEqualTo("[]");
		assertThat(other.get("/utilisation/instances/" + host.id()).statusCode()).isEqualTo(404);
		assertThat(other.get("/utilisation").body()).doesNotContain(host.name());
	}

	@Test
	void thePagesShowTheHostsAndTheirCharts() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		MeteredHosts.Host host = this.metered.hosts().get(0);

		String overview = unit.get("/utilisation?systemId=" + this.metered.systemId()).body();
		assertThat(overview).contains(host.name())
			.contains(this.metered.hosts().get(1).name())
			.contains("20.0%")
			.contains("60.0%")
			.contains("id=\"trend-chart\"");
		HttpResponse<String> page = unit.get("/utilisation/instances/" + host.id() + "?period=WEEK");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(host.name())
			.contains("id=\"chart-CPU\"")
			.contains("/api/v1/metering/instances/" + host.id() + "/utilisation?metric=CPU")
			// the CPU row's average, p95 and highest value (UtilisationRows.figures)
			.containsPattern("<td>\\d+\\.\\d%</td><td>\\d+\\.\\d%</td><td>\\d+\\.\\d%</td>");
	}

	@Test
	void theCommissionChoosesAUnitBeforeASystem() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		String systemOption = "value=\"" + this.metered.systemId() + "\"";

		String city = manager.get("/utilisation").body();
		assertThat(city).contains("选择单位后可按系统筛选").doesNotContain(systemOption);
		String unitId = JsonPath.read(manager.getJson("/api/v1/systems/" + this.metered.systemId()).body(), "$.unitId");
		String unit = manager.get("/utilisation?unitId=" + unitId).body();
		assertThat(unit).contains(systemOption).doesNotContain("选择单位后可按系统筛选");
		// the unit filter: units only (no supplier, no Commission), the chosen one
		// selected
		assertThat(unit).contains("<option value=\"" + unitId + "\" selected=\"selected\">");
		assertThat(city).contains("<option value=\"" + unitId + "\">")
			.doesNotContain(
					"<option value=\""
							+ cn.govcloud.Scenarios.demoSupplier(
									this.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class))
							+ "\"");
		assertThat(TestClient.signedIn(this.port, "unitadmin").get("/utilisation").body()).contains(systemOption);
	}

	@Test
	void aTrendNeedsAMetricAndAPeriodThatEndsAfterItStarts() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");

		HttpResponse<String> noMetric = unit.getJson("/api/v1/metering/trend?period=DAY");
		assertThat(noMetric.statusCode()).isEqualTo(400);
		assertThat(noMetric.body()).contains("metric");
		HttpResponse<String> backwards = unit
			.getJson("/api/v1/metering/trend?metric=CPU&from=" + Instant.now() + "&to=" + this.start);
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(backwards.body(), "$.errors[0].field")).isEqualTo("to");
		assertThat(unit.getJson("/api/v1/metering/trend?metric=GPU").statusCode()).isEqualTo(400);
	}

	private static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(1e-9);
	}

}
