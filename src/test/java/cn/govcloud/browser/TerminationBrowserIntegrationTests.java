package cn.govcloud.browser;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Approved;
import cn.govcloud.TestClient;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 9 as people click through it: the supplier records two hosts for a filed contract,
 * the unit accepts, later applies to terminate with a backup attachment, the Commission
 * approves, the supplier reclaims both, and the system shows offline with nothing billed
 * after the reclaim date.
 */
@GovCloudIntegrationTest
class TerminationBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSystemIsTerminatedReclaimedAndOffline() throws Exception {
		UUID supplier = Scenarios.demoSupplier(this.jdbc);
		Approved approved = Scenarios.approvedHosts(this.port, "unitadmin", 2, 32, false);
		String contract = Scenarios.filedContract(this.port, approved, supplier);
		UUID order = Scenarios.awaitWorkOrder(this.jdbc, UUID.fromString(contract));
		String tag = UUID.randomUUID().toString().substring(0, 6);
		try (Browser operator = new Browser(this.port)) {
			operator.signIn("operator", TestClient.DEMO_PASSWORD).waitForPath("/");
			operator.open("/work-orders/" + order).find("#record-0");
			for (int i = 1; i <= 2; i++) {
				operator.type("#name-0", "app-" + tag + "-" + i)
					.type("#cloud-0", "i-" + tag + "-" + i)
					.type("#ips-0", Scenarios.ip())
					.type("#zone-0", "宜兴一区");
				operator.click("#record-0 button[type=submit]").waitForText("#instances-0", "app-" + tag + "-" + i);
			}
			operator.click("#complete-order").waitForText("#work-order-status", "待验收");
		}
		String termination;
		try (Browser unit = new Browser(this.port)) {
			unit.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open("/work-orders/" + order);
			unit.click("#accept-order").waitForText("#work-order-status", "已验收");
			unit.open("/systems/" + approved.systemId());
			unit.click("#apply-termination").find("#termination-form");
			assertThat(unit.text("#termination-instances")).contains("app-" + tag + "-1").contains("app-" + tag + "-2");
			unit.setValue("#offlineOn", CityTime.today().toString());
			unit.select("#dataHandling", "BACKED_UP");
			unit.type("#dataLocation", "市政务云备份存储 /backup/" + tag);
			unit.find("#evidence").sendKeys(evidenceFile().toString());
			unit.screenshot("40-termination-form");
			unit.click("#submit-termination").waitForText("#termination-status", "待审核");
			termination = unit.currentPath();
		}
		try (Browser reviewer = new Browser(this.port)) {
			reviewer.signIn("reviewer", TestClient.DEMO_PASSWORD).waitForPath("/");
			reviewer.open("/terminations?status=SUBMITTED");
			reviewer.click("a[href='" + termination + "']").find("#termination-decision");
			reviewer.click("#approve-termination").waitForText("#termination-status", "回收中");
			reviewer.screenshot("41-termination-approved");
		}
		String reclaimOrder = this.jdbc
			.sql("SELECT id::text FROM work_order WHERE system_id = :system AND kind = 'RECLAIM'")
			.param("system", UUID.fromString(approved.systemId()))
			.query(String.class)
			.single();
		try (Browser operator = new Browser(this.port)) {
			operator.signIn("operator", TestClient.DEMO_PASSWORD).waitForPath("/");
			operator.open("/work-orders");
			operator.click("a[href='/work-orders/" + reclaimOrder + "']").find("#work-order-kind");
			assertThat(operator.text("#work-order-kind")).isEqualTo("回收");
			operator.click("#reclaim-i-" + tag + "-1 button[type=submit]");
			operator.waitUntil(() -> !operator.present("#reclaim-i-" + tag + "-1"));
			operator.screenshot("42-reclaim-order");
			operator.click("#reclaim-i-" + tag + "-2 button[type=submit]");
			operator.waitUntil(() -> !operator.present("#reclaim-i-" + tag + "-2"));
			assertThat(operator.text("#instances-0")).contains("已回收").doesNotContain("回收中");
		}
		try (Browser unit = new Browser(this.port)) {
			unit.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open("/systems/" + approved.systemId());
			assertThat(unit.text("#current-status")).isEqualTo("已下线");
			unit.open("/inventory?systemId=" + approved.systemId());
			assertThat(unit.text("#instance-i-" + tag + "-1 .reclaimed-on")).isEqualTo(CityTime.today().toString());
			assertThat(unit.text("#instance-i-" + tag + "-2 .billed-days")).isEqualTo("1");
			unit.screenshot("43-inventory-reclaimed");
			unit.waitUntil(() -> {
				unit.open(termination);
				return unit.text("#termination-status").equals("已回收");
			});
			unit.screenshot("44-termination-reclaimed");
		}
		String amended = TestClient.signedIn(this.port, "unitadmin").getJson("/api/v1/contracts/" + contract).body();
		assertThat((String) JsonPath.read(amended, "$.versions[1].effectiveFrom"))
			.isEqualTo(CityTime.today().plusDays(1).toString());
		assertThat(new BigDecimal(JsonPath.read(amended, "$.totals.term").toString()))
			.as("nothing billed after the reclaim date")
			.isEqualByComparingTo(new BigDecimal(JsonPath.read(amended, "$.totals.dueToDate").toString()));
	}

	private static Path evidenceFile() throws Exception {
		Path file = Files.createTempDirectory("govcloud-evidence-").resolve("数据备份证明.pdf");
		Files.write(file, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		return file;
	}

}
