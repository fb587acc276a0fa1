package cn.govcloud.notification;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.organization.UserAccount;
import cn.govcloud.organization.UserForm;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Without {@code spring.mail.host} (the test suite's shared context) e-mail is off: the
 * account page says so, nothing can be turned on, and notices go to the inbox only.
 */
@GovCloudIntegrationTest
class NoticeMailOffIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MailPreferences preferences;

	@Autowired
	Inbox inbox;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAccountPageSaysThatNoMailServerIsConfiguredAndTheApiRefusesToTurnMailOn() {
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		String page = reviewer.get("/account/notices").body();
		assertThat(page).contains("本平台尚未配置邮件服务器").contains("<fieldset disabled");
		assertThat(reviewer.get("/account/notices?lang=en").body()).contains("No mail server (SMTP) is configured");

		HttpResponse<String> shown = reviewer.getJson("/api/v1/account/notice-mail");
		assertThat((Boolean) JsonPath.read(shown.body(), "$.serverConfigured")).isFalse();
		HttpResponse<String> refused = reviewer.putJson("/api/v1/account/notice-mail",
				"{\"categories\":[\"TASK\"],\"language\":\"zh-CN\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("categories");
		assertThat(
				reviewer.putJson("/api/v1/account/notice-mail", "{\"categories\":[],\"language\":\"en\"}").statusCode())
			.as("turning off always works")
			.isEqualTo(200);
	}

	@Test
	void aNoticeGoesToTheInboxOnlyAndNoMailIsQueued() {
		UUID unit = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴市行政审批局'").query(UUID.class).single();
		String username = "nomail-" + UUID.randomUUID().toString().substring(0, 8);
		UserAccount person = this.users.create(new UserForm(username, "无邮件 " + username, unit, Set.of(Role.UNIT_MEMBER),
				null, username + "@yixing.test", TestClient.DEMO_PASSWORD));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.preferences.choose(person.id(), Set.of(NoticeCategory.TASK), "zh-CN"));

		Notification sent = this.inbox.notifyUser(person.id(), Notice.of(NoticeCategory.TASK, "x"));

		assertThat(this.inbox.find(person.id(), sent.id()).unread()).isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM notice_mail WHERE notification_id = :id")
			.param("id", sent.id())
			.query(Long.class)
			.single()).isZero();
	}

}
