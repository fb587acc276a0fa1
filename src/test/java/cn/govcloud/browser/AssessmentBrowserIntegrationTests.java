package cn.govcloud.browser;

import java.net.http.HttpResponse;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supplier's assessment in a real Chromium (Art. 18, 19): the Commission configures
 * the year's rules (a bad weight is named first, nothing saved), computes the score,
 * adjusts it with a reason and issues it; the supplier's manager objects with reasons;
 * the Commission answers and finalises; the finance viewer exports the budget workbook.
 */
@GovCloudIntegrationTest
class AssessmentBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCommissionConfiguresComputesAdjustsTheSupplierObjectsTheCommissionFinalisesFinanceExports() {
		UUID supplier = Scenarios.demoSupplier(this.jdbc);
		// a contract of 2026 and a survey of its unit: the year has a score
		Scenarios.acceptedHosts(this.port, this.jdbc, supplier, 1);
		HttpResponse<String> opened = TestClient.signedIn(this.port, "manager")
			.postJson("/api/v1/surveys",
					"{\"year\":2026,\"half\":null,\"title\":\"浏览器考核满意度\",\"questions\":[\"是否满意？\"]}");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		assertThat(TestClient.signedIn(this.port, "unitadmin")
			.postJson("/api/v1/surveys/" + JsonPath.read(opened.body(), "$.id") + "/responses", "{\"answers\":[4]}")
			.statusCode()).isEqualTo(201);
		long versions = this.jdbc.sql("SELECT count(*) FROM assessment_rules WHERE year = 2026")
			.query(Long.class)
			.single();
		String page = "/assessment?year=2026&supplierId=" + supplier;
		try (Browser manager = new Browser(this.port);
				Browser supplierManager = new Browser(this.port);
				Browser finance = new Browser(this.port)) {
			manager.signIn("manager", TestClient.DEMO_PASSWORD).waitForPath("/");
			manager.open("/assessment/rules?year=2026");
			manager.type("#quality", "40").click("#rules-save");
			manager.waitForText("#rules-problems", "dimensions");
			assertThat(
					this.jdbc.sql("SELECT count(*) FROM assessment_rules WHERE year = 2026").query(Long.class).single())
				.as("nothing saved")
				.isEqualTo(versions);
			manager.type("#quality", "30").type("#bands0-ratioPercent", "98").click("#rules-save");
			manager.waitForText("#rules-version", "第 " + (versions + 1) + " 版");
			manager.screenshot("assessment-01-rules");

			manager.open(page);
			assertThat(manager.text("#assessment-rules")).contains("第 " + (versions + 1) + " 版");
			assertThat(manager.text("#assessment-total")).doesNotContain("无数据");
			manager.type("#adjust-points", "2").type("#adjust-reason", "重大活动保障表现突出");
			manager.click("#assessment-adjust button[type=submit]");
			manager.waitForText("#assessment-adjustments", "重大活动保障表现突出");
			manager.click("#assessment-issue button[type=submit]");
			manager.waitForText("#assessment-state", "已下发");
			manager.screenshot("assessment-02-issued");

			supplierManager.signIn("suppliermgr", TestClient.DEMO_PASSWORD).waitForPath("/");
			supplierManager.open("/assessment?year=2026");
			supplierManager.type("#object-reason", "满意度调查样本过少，请复核。");
			supplierManager.click("#assessment-object button[type=submit]");
			supplierManager.waitForText("#assessment-state", "供应商已提出异议");
			supplierManager.screenshot("assessment-03-objected");

			manager.open(page).type("#finalise-answer", "调查样本符合规定，维持评分。");
			manager.click("#assessment-finalise button[type=submit]");
			manager.waitForText("#assessment-state", "已定稿");
			assertThat(manager.text("#assessment-final")).contains("第 " + (versions + 1) + " 版");
			assertThat(manager.present("#assessment-adjust")).as("no adjustment once final").isFalse();
			manager.screenshot("assessment-04-final");

			supplierManager.open("/assessment?year=2026").waitForText("#assessment-state", "已定稿");
			assertThat(supplierManager.text("#assessment-answer")).contains("维持评分");
			assertThat(supplierManager.text("#assessment-contracts")).doesNotContain("无数据");

			finance.signIn("finance", TestClient.DEMO_PASSWORD).waitForPath("/");
			finance.open("/finance?year=2026");
			String href = finance.find("#budget-export").getDomAttribute("href");
			Object download = finance.script("return fetch('" + href + "')"
					+ ".then(r => r.arrayBuffer().then(b => r.status + ' ' + r.headers.get('content-type') + ' '"
					+ " + String.fromCharCode(...new Uint8Array(b).slice(0, 2))))");
			assertThat(String.valueOf(download)).startsWith("200 application/vnd.openxmlformats").endsWith(" PK");
			finance.screenshot("assessment-05-finance");
		}
	}

}
