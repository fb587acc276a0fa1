package cn.govcloud.notification.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.notification.Notification;
import cn.govcloud.organization.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The inbox in a real browser, with the keyboard only: htmx marks a notification read in
 * place, and the header badge follows without a reload.
 */
@GovCloudIntegrationTest
class InboxBrowserIntegrationTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	@Autowired
	Inbox inbox;

	@Autowired
	Users users;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		// Skipped on a developer machine without Chromium; never in CI.
		assumeTrue(
				"true".equalsIgnoreCase(System.getenv("CI"))
						|| (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)),
				"Chromium is not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + Files.createTempDirectory("govcloud-chromium-"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(10));
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void markingReadInPlaceWithTheKeyboardUpdatesTheRowAndTheBadge() {
		UUID unitadmin = this.users.findByUsername("unitadmin").orElseThrow().id();
		Notification first = this.inbox.notifyUser(unitadmin,
				Notice.of(NoticeCategory.TASK, "notification.welcome.hello", "浏览器一"));
		this.inbox.notifyUser(unitadmin, Notice.of(NoticeCategory.TASK, "notification.welcome.hello", "浏览器二"));
		signIn("unitadmin");
		this.browser.get(url("/inbox"));
		long before = badge();
		assertThat(before).isGreaterThanOrEqualTo(2);
		script("window.samePage = true");
		WebElement row = this.browser.findElement(By.id("notification-" + first.id()));
		assertThat(row.getDomAttribute("class")).contains("unread");

		row.findElement(By.tagName("button")).sendKeys(Keys.ENTER);

		By rowId = By.id("notification-" + first.id());
		this.wait.until((page) -> !page.findElement(rowId).getDomAttribute("class").contains("unread"));
		this.wait.until((page) -> badge() == before - 1);
		assertThat(script("return window.samePage === true")).as("no reload").isEqualTo(Boolean.TRUE);
		assertThat(this.browser.switchTo().activeElement().getDomAttribute("id")).as("focus stays on the row")
			.isEqualTo("notification-" + first.id());
		assertThat(this.browser.findElement(rowId).findElements(By.tagName("button"))).isEmpty();

		this.browser.findElement(By.id("mark-all-read")).sendKeys(Keys.ENTER);

		this.wait.until((page) -> page.findElements(By.cssSelector("#notifications .unread")).isEmpty());
		assertThat(badge()).isZero();
		assertThat(this.browser.findElement(By.id("unread-count")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.cssSelector("[role=status]")).getText()).contains("已将全部消息标为已读");
	}

	private void signIn(String username) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(TestClient.DEMO_PASSWORD, Keys.ENTER);
		this.wait.until((page) -> page.findElements(By.id("current-user")).size() == 1);
	}

	private long badge() {
		return Long.parseLong(this.browser.findElement(By.id("unread-count")).getDomProperty("textContent").strip());
	}

	private Object script(String code) {
		return ((JavascriptExecutor) this.browser).executeScript(code);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
