package cn.govcloud.browser;

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
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox in a real Chromium, with the keyboard only: htmx marks a notification read in
 * place and the header badge follows, without a reload.
 */
@GovCloudIntegrationTest
class InboxBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Inbox inbox;

	@Autowired
	Users users;

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
	void markingReadInPlaceWithTheKeyboardUpdatesTheRowAndTheBadge() {
		UUID unitadmin = this.users.findByUsername("unitadmin").orElseThrow().id();
		Notification first = this.inbox.notifyUser(unitadmin,
				Notice.of(NoticeCategory.TASK, "notification.welcome.hello", "浏览器一"));
		this.inbox.notifyUser(unitadmin, Notice.of(NoticeCategory.TASK, "notification.welcome.hello", "浏览器二"));
		this.browser.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
		this.browser.open("/inbox");
		long before = badge();
		assertThat(before).isGreaterThanOrEqualTo(2);
		String row = "#notification-" + first.id();
		assertThat(this.browser.find(row).getDomAttribute("class")).contains("unread");
		this.browser.script("window.samePage = true");
		this.browser.screenshot("inbox-01-unread");

		this.browser.press(row + " button", Keys.ENTER);

		this.browser.waitUntil(() -> !this.browser.find(row).getDomAttribute("class").contains("unread"));
		this.browser.waitUntil(() -> badge() == before - 1);
		assertThat(this.browser.script("return window.samePage === true")).as("no reload").isEqualTo(Boolean.TRUE);
		assertThat(this.browser.focusedId()).as("the focus stays on the row").isEqualTo(row.substring(1));
		assertThat(this.browser.present(row + " button")).isFalse();
		this.browser.screenshot("inbox-02-marked-in-place");

		this.browser.press("#mark-all-read", Keys.ENTER);

		this.browser.waitForText("[role=status]", "已将全部消息标为已读");
		assertThat(this.browser.present("#notifications .unread")).isFalse();
		assertThat(badge()).isZero();
		assertThat(this.browser.visible("#unread-count")).isFalse();
	}

	private long badge() {
		return Long.parseLong(this.browser.property("#unread-count", "textContent").strip());
	}

}
