package cn.govcloud.browser;

import java.time.Duration;
import java.time.Instant;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.metering.MeteredHosts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 8, 12 as a unit reads it: its hosts report CPU and memory through the supplier's
 * remote write, and the unit's utilisation page draws their charts.
 */
@GovCloudIntegrationTest
class UtilisationBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aUnitSeesItsHostsUtilisationCharts() {
		MeteredHosts metered = MeteredHosts.provision(this.port, this.context, 2);
		long start = Instant.now().minus(Duration.ofHours(3)).toEpochMilli();
		assertThat(metered.write("govcloud_cpu_utilisation_ratio", start, 150, 0.35, 0.7)).isEqualTo(204);
		assertThat(metered.write("govcloud_memory_utilisation_ratio", start, 150, 0.5, 0.8)).isEqualTo(204);
		MeteredHosts.Host host = metered.hosts().get(0);
		try (Browser unit = new Browser(this.port)) {
			unit.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open("/utilisation?systemId=" + metered.systemId());
			unit.waitUntil(() -> drawn(unit, "#trend-chart"));
			assertThat(unit.text("#utilisation")).contains(host.name()).contains("35.0%");
			unit.screenshot("60-utilisation-system");
			unit.click("a[href^='/utilisation/instances/" + host.id() + "']");
			unit.waitUntil(() -> drawn(unit, "#chart-CPU") && drawn(unit, "#chart-MEMORY"));
			assertThat(Integer
				.parseInt(String.valueOf(unit.script("return document.querySelector('#chart-CPU').dataset.points"))))
				.isGreaterThan(20);
			assertThat(unit.find("#chart-CPU canvas").isDisplayed()).isTrue();
			assertThat(unit.text("#chart-DISK")).isEqualTo("该时段暂无监控数据");
			assertThat(unit.text("#instance-utilisation")).contains("35.0%").contains("50.0%");
			unit.screenshot("61-utilisation-instance");
		}
		try (Browser manager = new Browser(this.port)) {
			manager.signIn("manager", TestClient.DEMO_PASSWORD).waitForPath("/");
			manager.open("/metering/ingest");
			assertThat(manager.text("#credentials")).contains("宜兴政务云服务有限公司").contains("Prometheus");
			assertThat(Long.parseLong(manager.text("#ingest-totals tbody td:first-child"))).isPositive();
			manager.screenshot("62-monitoring-ingest");
		}
	}

	/** The chart script marks a chart drawn once its points are on the canvas. */
	private static boolean drawn(Browser browser, String css) {
		return "drawn".equals(browser.script("return document.querySelector(\"" + css + "\").dataset.state"));
	}

}
