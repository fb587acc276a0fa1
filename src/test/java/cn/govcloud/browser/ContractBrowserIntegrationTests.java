package cn.govcloud.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import cn.govcloud.catalogue.PriceCap;
import cn.govcloud.catalogue.TenderPrices;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 7 as people click through it: the unit drafts a contract from its approval, tries
 * a price above the tender cap and is told, fixes it, signs and submits; the Commission
 * files it; the supplier sees it.
 */
@GovCloudIntegrationTest
class ContractBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TenderPrices prices;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theUnitIsStoppedAboveTheCapFilesTheContractAndTheSupplierSeesIt() throws Exception {
		String application = approvedApplication();
		UUID supplier = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴政务云服务有限公司'")
			.query(UUID.class)
			.single();
		PriceCap cap = this.prices.capFor(supplier, "CLOUD_HOST", "vcpu", java.time.LocalDate.of(2026, 3, 1))
			.orElseThrow();
		String code = "YXZW-" + UUID.randomUUID().toString().substring(0, 6);
		String contractPath;
		try (Browser unit = new Browser(this.port)) {
			unit.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open("/applications/" + application);
			unit.click("#draft-contract").find("#supplierId");
			unit.select("#supplierId", supplier.toString());
			unit.type("#contractCode", code);
			unit.setValue("#termStart", "2026-03-01").setValue("#termEnd", "2027-02-28");
			unit.waitForText("#contract-lines", cap.tenderNumber());
			int vcpuRow = vcpuRow(unit);
			unit.type("#price-" + vcpuRow, cap.unitPrice().add(java.math.BigDecimal.ONE).toPlainString());
			unit.waitForText("#checks", "高于招标单价");
			assertThat(unit.text("#checks")).contains(cap.unitPrice().toPlainString()).contains(cap.tenderNumber());
			unit.screenshot("20-contract-above-cap");
			unit.type("#price-" + vcpuRow, cap.unitPrice().toPlainString());
			unit.waitUntil(() -> !unit.text("#checks").contains("高于招标单价"));
			unit.screenshot("21-contract-at-cap");
			unit.click("#save-contract").waitForText("#contract-status", "草稿");
			contractPath = unit.currentPath();
			unit.setValue("#signedOn", "2026-02-20");
			unit.find("#signed-file").sendKeys(signedPdf().toString());
			unit.click("#sign").waitForText("#contract-status", "已签订");
			unit.click("#submit-contract").waitForText("#contract-status", "待备案");
		}
		try (Browser reviewer = new Browser(this.port)) {
			reviewer.signIn("reviewer", TestClient.DEMO_PASSWORD).waitForPath("/");
			reviewer.open(contractPath);
			reviewer.click("#file-contract").waitUntil(() -> !reviewer.text("#contract-status").contains("待备案"));
			assertThat(reviewer.text("#contract-status")).isIn("已备案", "履行中");
			reviewer.screenshot("22-contract-filed");
		}
		try (Browser supplierOperator = new Browser(this.port)) {
			supplierOperator.signIn("operator", TestClient.DEMO_PASSWORD).waitForPath("/");
			supplierOperator.open("/contracts");
			assertThat(supplierOperator.text("#contracts")).contains(code);
			supplierOperator.open(contractPath);
			assertThat(supplierOperator.text("main h1")).contains("服务外包合同");
			supplierOperator.screenshot("23-contract-supplier-view");
			supplierOperator.open("/prices");
			assertThat(supplierOperator.text("#price-lists")).contains(cap.tenderNumber());
			supplierOperator.click("#price-lists tbody a").find("#price-lines");
			supplierOperator.screenshot("24-price-list");
		}
	}

	private static int vcpuRow(Browser browser) {
		Object index = browser.script("const rows = Array.from(document.querySelectorAll('#contract-lines tbody tr'));"
				+ "return rows.findIndex(r => r.querySelector('input[value=vcpu]'));");
		return ((Number) index).intValue();
	}

	private static Path signedPdf() throws java.io.IOException {
		Path file = Files.createTempDirectory("govcloud-contract-").resolve("signed.pdf");
		Files.write(file, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		return file;
	}

	private String approvedApplication() {
		return Scenarios.approvedHosts(this.port, "unitadmin", 2, 32, false).id();
	}

}
