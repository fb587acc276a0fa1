package cn.govcloud.browser;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 6 and 8 as people click through them: a unit applies for two hosts and storage,
 * the Commission's reviewer cuts one line with a reason and approves, the unit sees
 * requested and approved side by side and the notice in its inbox.
 */
@GovCloudIntegrationTest
class ApplicationBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aUnitAppliesTheReviewerCutsAndTheUnitSeesRequestedVersusApproved() {
		String systemName = "不动产登记系统 " + UUID.randomUUID().toString().substring(0, 6);
		String applicationPath;
		try (Browser unit = new Browser(this.port)) {
			unit.signIn("unitmember", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open("/systems/new");
			unit.type("#name", systemName).type("#purpose", "不动产登记业务办理");
			unit.click("#system-form button[type=submit]").waitForText("main h1", systemName);
			unit.find("#plan-file").sendKeys(planFile().toString());
			unit.click("#plan-upload button[type=submit]").waitForText("#plans", "建设方案");
			unit.screenshot("09-system-with-plan");
			unit.click("#apply-resources").find("#planVersion");
			unit.select("#planVersion", "1");
			unit.select("#kind-0", "CLOUD_HOST").find("#spec-0-vcpu");
			unit.type("#spec-0-vcpu", "8").type("#spec-0-memoryGib", "32").type("#spec-0-systemDiskGib", "100");
			unit.type("#quantity-0", "2").type("#justification-0", "登记业务高峰期并发");
			unit.click("#add-line").find("#kind-1");
			unit.select("#kind-1", "CLOUD_STORAGE").find("#spec-1-capacityGib");
			unit.type("#spec-1-capacityGib", "500").type("#quantity-1", "1").type("#justification-1", "存放登记档案影像");
			// A line added by mistake is taken away again (a script file, not an inline
			// handler:
			// the page's Content-Security-Policy would block that).
			unit.click("#add-line").find("#kind-2");
			unit.click("#line-2 .remove-line").waitUntil(() -> !unit.present("#line-2"));
			unit.screenshot("10-application-draft");
			unit.click("#save-draft").waitForText("#application-status", "草稿");
			applicationPath = unit.currentPath();
			unit.click("#submit-application").waitForText("#application-status", "待审核");
			unit.screenshot("11-application-submitted");
		}
		try (Browser reviewer = new Browser(this.port)) {
			reviewer.signIn("reviewer", TestClient.DEMO_PASSWORD).waitForPath("/");
			reviewer.open("/review");
			assertThat(reviewer.text("#applications")).contains(systemName);
			reviewer.open(applicationPath);
			reviewer.click("#decision-APPROVED_WITH_CUTS");
			reviewer.type("#cut-q-1", "1").type("#cut-r-1", "近三个月峰值利用率不足 40%");
			reviewer.screenshot("12-review-cut");
			reviewer.click("#decide").waitForText("#application-status", "已批准");
		}
		try (Browser unit = new Browser(this.port)) {
			unit.signIn("unitmember", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open(applicationPath);
			String host = unit.text("#lines tr[data-line='1']");
			assertThat(host).contains("× 2").contains("× 1").contains("近三个月峰值利用率不足 40%");
			assertThat(unit.text("#lines tr[data-line='2']")).contains("× 1");
			assertThat(unit.text("#decision")).contains("核减后批准");
			unit.screenshot("13-requested-vs-approved");
			assertThat(Integer.parseInt(unit.text("#unread-count"))).isPositive();
			unit.open("/inbox");
			assertThat(unit.text("main")).contains("已核减后批准").contains(systemName);
			unit.screenshot("14-inbox-notice");
		}
	}

	private static java.nio.file.Path planFile() {
		try {
			java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("govcloud-plan-");
			java.nio.file.Path file = dir.resolve("建设方案.pdf");
			java.nio.file.Files.write(file, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
