package cn.govcloud.browser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import cn.govcloud.metering.Metric;
import cn.govcloud.metering.UtilisationHistory;
import cn.govcloud.rightsizing.Recomputation;
import cn.govcloud.rightsizing.ReleaseOrderExecution;
import cn.govcloud.rightsizing.RightsizingFixtures;
import cn.govcloud.shared.CityTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release order clicked through in a real Chromium (Art. 8): the Commission's manager
 * issues it from a recommendation, the unit objects with a reason, the manager modifies
 * it to 4 vCPU, on the effective date the supplier resizes the host (completes the resize
 * order), and the contract shows its new version and the order its realised saving.
 */
@GovCloudIntegrationTest
class RightsizingBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UtilisationHistory history;

	@Autowired
	Recomputation recomputation;

	@Autowired
	ReleaseOrderExecution execution;

	@Test
	void issuedObjectedModifiedResizedAndTheContractAmended() {
		Accepted hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 1);
		UUID host = UUID.fromString(hosts.instanceIds().get(0));
		String name = "0-rs-" + host.toString().substring(0, 6);
		this.jdbc.sql("UPDATE instance SET name = :name WHERE id = :id").param("name", name).param("id", host).update();
		Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(10, ChronoUnit.DAYS);
		this.history.load(List.of(RightsizingFixtures.flat(host, Metric.CPU, start, 0.10),
				RightsizingFixtures.flat(host, Metric.MEMORY, start, 0.20))
			.iterator());
		LocalDate today = CityTime.today();
		this.recomputation.recompute(today);
		String recommendation = this.jdbc
			.sql("SELECT id::text FROM rightsizing_recommendation WHERE instance_id = :id AND computed_on = :on")
			.param("id", host)
			.param("on", java.sql.Date.valueOf(today))
			.query(String.class)
			.single();

		String order;
		try (Browser manager = new Browser(this.port)) {
			manager.signIn("manager", TestClient.DEMO_PASSWORD).waitForPath("/");
			manager.open("/rightsizing?sort=instanceName,asc").waitForText("#recommendations", name);
			manager.click("input[name=recommendationIds][value='" + recommendation + "']");
			manager.screenshot("rightsizing-01-recommendations");
			manager.click("#issue-order").waitForText("#order-status", "待单位答复");
			order = manager.currentPath();
			assertThat(order).matches("/rightsizing/orders/[0-9a-f-]{36}");
		}
		try (Browser unit = new Browser(this.port)) {
			unit.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open(order).waitForText("#order-lines", name);
			unit.type("#reason", "年底业务高峰，仍需 4 核");
			unit.click("#object-order").waitForText("#order-status", "单位已提出异议");
			unit.screenshot("rightsizing-02-objected");
		}
		try (Browser manager = new Browser(this.port)) {
			manager.signIn("manager", TestClient.DEMO_PASSWORD).waitForPath("/");
			manager.open(order).waitForText("#order-status", "单位已提出异议");
			manager.click("#decision-MODIFIED").type("#vcpu_1", "4").type("#decision-reason", "保留 4 核");
			manager.click("#decide-order").waitForText("#order-status", "修改");
			assertThat(manager.text("#order-lines")).contains("4");
			assertThat(manager.text("#effective-on")).isEqualTo(today.plusDays(1).toString());
			manager.screenshot("rightsizing-03-modified");
		}

		// on the effective date (the hourly run): the contract amended, the supplier's
		// resize order opened
		this.execution.carryOutDue(today.plusDays(1));
		UUID resize = this.jdbc
			.sql("SELECT resize_order_id FROM rightsizing_order_contract WHERE order_id = CAST(:id AS uuid)")
			.param("id", order.substring(order.lastIndexOf('/') + 1))
			.query(UUID.class)
			.single();
		try (Browser operator = new Browser(this.port)) {
			operator.signIn("operator", TestClient.DEMO_PASSWORD).waitForPath("/");
			operator.open("/work-orders/" + resize).waitForText("#work-order-status", "调整中");
			assertThat(operator.text("#instances-0")).contains(name);
			operator.click("#resized-order").waitForText("#work-order-status", "已调整");
			assertThat(operator.text("#instances-0")).contains("4");
			operator.screenshot("rightsizing-04-resized");
		}
		try (Browser unit = new Browser(this.port)) {
			unit.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open(order).waitForText("#carried-out", "2");
			assertThat(unit.text("#realised-saving")).contains("已实现节省");
			unit.click("#carried-out a[href^='/contracts/']");
			unit.waitForText("section", "第 2 版，自 " + today.plusDays(1));
			assertThat(unit.text("section")).contains("释放令 release order");
			unit.screenshot("rightsizing-05-contract-amended");
		}
		assertThat(this.jdbc.sql("SELECT (spec->>'vcpu')::int FROM instance WHERE id = :id")
			.param("id", host)
			.query(Integer.class)
			.single()).isEqualTo(4);
	}

}
