package cn.govcloud.browser;

import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Approved;
import cn.govcloud.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 4 as people click through it: the supplier records two hosts for a filed contract
 * and completes the order, the unit accepts, the inventory shows both active.
 */
@GovCloudIntegrationTest
class ProvisioningBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSupplierRecordsTwoHostsAndTheUnitAccepts() {
		UUID supplier = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴政务云服务有限公司'")
			.query(UUID.class)
			.single();
		Approved approved = Scenarios.approvedHosts(this.port, "unitadmin", 2, 32, false);
		UUID contract = UUID.fromString(Scenarios.filedContract(this.port, approved, supplier));
		UUID order = Scenarios.awaitWorkOrder(this.jdbc, contract);
		String tag = UUID.randomUUID().toString().substring(0, 6);
		try (Browser operator = new Browser(this.port)) {
			operator.signIn("operator", TestClient.DEMO_PASSWORD).waitForPath("/");
			operator.open("/work-orders");
			operator.click("a[href='/work-orders/" + order + "']").find("#record-0");
			for (int i = 1; i <= 2; i++) {
				operator.type("#name-0", "web-" + tag + "-" + i)
					.type("#cloud-0", "i-" + tag + "-" + i)
					.type("#ips-0", "10.77." + (int) (Math.random() * 250) + "." + i)
					.type("#zone-0", "宜兴一区");
				operator.click("#record-0 button[type=submit]").waitForText("#instances-0", "web-" + tag + "-" + i);
			}
			assertThat(operator.text("#instances-0")).contains("i-" + tag + "-1").contains("i-" + tag + "-2");
			operator.screenshot("30-work-order-recorded");
			operator.click("#complete-order").waitForText("#work-order-status", "待验收");
		}
		try (Browser unit = new Browser(this.port)) {
			unit.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open("/work-orders/" + order);
			unit.click("#accept-order").waitForText("#work-order-status", "已验收");
			unit.open("/inventory?q=" + tag);
			assertThat(unit.text("#inventory")).contains("web-" + tag + "-1")
				.contains("web-" + tag + "-2")
				.contains("在用");
			unit.screenshot("31-inventory-active");
		}
	}

}
