package cn.govcloud.browser;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What a unit's administrator sees first, in a real Chromium. */
@GovCloudIntegrationTest
class SignInBrowserIntegrationTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = new Browser(this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aUnitUserSignsInSeesTheDashboardAndSwitchesToEnglishAndBack() {
		this.browser.open("/login");
		assertThat(this.browser.text("h1")).contains("政务云管理平台");
		this.browser.screenshot("01-login");

		this.browser.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
		assertThat(this.browser.text("main h1")).isEqualTo("您好，公安局管理员 张伟");
		assertThat(this.browser.text("#current-org")).isEqualTo("宜兴市公安局");
		assertThat(this.browser.text("[data-key='dashboard.myOrganizationUsers'] .value")).isEqualTo("3");
		assertThat(this.browser.text(".side")).contains("组织机构").doesNotContain("审计日志");
		assertThat(this.browser.language()).isEqualTo("zh-CN");
		this.browser.screenshot("02-dashboard-zh");

		this.browser.click("#lang-en").waitForText("main h1", "Hello");
		assertThat(this.browser.language()).isEqualTo("en");
		assertThat(this.browser.text(".side")).contains("Organisations");
		this.browser.screenshot("03-dashboard-en");

		this.browser.open("/organizations");
		assertThat(this.browser.text("main h1")).isEqualTo("Organisations");

		this.browser.click("#lang-zh").waitForText("main h1", "组织机构");
		this.browser.open("/");
		assertThat(this.browser.text("main h1")).startsWith("您好");
	}

	@Test
	void theSystemAdministratorRegistersAUnitAndSeesTheCreditCodeChecked() {
		this.browser.signIn("sysadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
		this.browser.open("/organizations/new");
		this.browser.type("#name", "宜兴市浏览器测试局");
		this.browser.type("#creditCode", "91350100M000100Y44");
		this.browser.click("form.form button[type=submit]");
		assertThat(this.browser.text(".field-error")).contains("统一社会信用代码无效");
		this.browser.screenshot("04-organization-invalid-code");

		this.browser.type("#creditCode", "91350100M000100Y43");
		this.browser.click("form.form button[type=submit]");
		this.browser.waitForText("main h1", "宜兴市浏览器测试局");
		assertThat(this.browser.currentPath()).startsWith("/organizations/");
		assertThat(this.browser.text(".facts")).contains("91350100M000100Y43");
		this.browser.screenshot("05-organization-registered");
	}

	@Test
	void aWrongPasswordGetsTheOneMessageForEveryCause() {
		this.browser.signIn("unitadmin", "Wrong#pass1");
		assertThat(this.browser.text(".errors")).isEqualTo("用户名或密码错误，或账户已被暂时锁定。");
		this.browser.signIn("nobody-at-all", "Wrong#pass1");
		assertThat(this.browser.text(".errors")).isEqualTo("用户名或密码错误，或账户已被暂时锁定。");
	}

}
