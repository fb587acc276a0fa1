package cn.govcloud.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import cn.govcloud.organization.Organizations;
import cn.govcloud.organization.UserAccount;
import cn.govcloud.organization.UserForm;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.Role;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notices by e-mail (C16, ADR 0019) against a real SMTP server started here (GreenMail),
 * triggered the way GovCloud triggers them: a unit submits a resource application and the
 * Commission's reviewers are told. The one Spring context of the test suite that has an
 * SMTP server; short retry waits so that a retry is seen within seconds.
 */
@GovCloudIntegrationTest
class NoticeMailIntegrationTests {

	static final int SMTP_PORT = freePort();

	static final String FROM = "govcloud@yixing.test";

	static final int MAX_ATTEMPTS = 6;

	private static GreenMail smtp;

	@LocalServerPort
	int port;

	@Autowired
	Users users;

	@Autowired
	Organizations organizations;

	@Autowired
	MailPreferences preferences;

	@Autowired
	Inbox inbox;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	private final List<UUID> created = new ArrayList<>();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("govcloud.mail.from", () -> FROM);
		registry.add("govcloud.public-url", () -> "https://govcloud.yixing.test/");
		registry.add("govcloud.mail.first-retry", () -> "200ms");
		registry.add("govcloud.mail.max-retry", () -> "1s");
		registry.add("govcloud.mail.max-attempts", () -> MAX_ATTEMPTS);
		registry.add("govcloud.mail.retry-interval", () -> "200ms");
	}

	/**
	 * Reviewers made here stop receiving notices, so that later tests hear only their
	 * own.
	 */
	@AfterEach
	void retireReviewers() {
		this.created.forEach((id) -> this.users.setEnabled(id, false));
	}

	@AfterAll
	static void stopSmtp() {
		smtpDown();
	}

	@Test
	void eachReviewerWhoChoseTasksGetsTheSubmittedApplicationInTheirOwnLanguage() throws Exception {
		smtpUp();
		UserAccount chinese = reviewer(Set.of(NoticeCategory.TASK), MailPreferences.CHINESE);
		UserAccount english = reviewer(Set.of(NoticeCategory.TASK, NoticeCategory.INFO), MailPreferences.ENGLISH);

		submitApplication();

		MimeMessage zh = awaitOneMessageTo(chinese);
		Notification zhNotice = submittedNotice(chinese);
		String zhText = "资源申请 " + zhNotice.args().get(0) + "（" + zhNotice.args().get(1) + "·" + zhNotice.args().get(2)
				+ "）已提交，等待审核。";
		assertThat(((InternetAddress) zh.getFrom()[0]).getAddress()).isEqualTo(FROM);
		assertThat(zh.getSubject()).isEqualTo("【政务云】待办：" + NoticeMailText.headline(zhText));
		assertThat(body(zh)).startsWith("您好：")
			.contains(zhText)
			.contains("https://govcloud.yixing.test/inbox/" + zhNotice.id() + "/open")
			.contains("https://govcloud.yixing.test/account/notices");

		MimeMessage en = awaitOneMessageTo(english);
		Notification enNotice = submittedNotice(english);
		String enText = this.messages.getMessage("notice.application.submitted", enNotice.args().toArray(),
				Locale.ENGLISH);
		assertThat(enText).startsWith("Resource application " + enNotice.args().get(0));
		assertThat(en.getSubject()).isEqualTo("[GovCloud] Task: " + NoticeMailText.headline(enText));
		assertThat(body(en)).startsWith("Hello,")
			.contains(enText)
			.contains("Open it in GovCloud: https://govcloud.yixing.test/inbox/" + enNotice.id() + "/open");
		assertThat(mail(zhNotice.id()).get("status")).isEqualTo("SENT");
		assertThat(mail(enNotice.id()).get("attempts")).isEqualTo(1);
	}

	@Test
	void nobodyIsMailedWhoDidNotChooseTheCategoryAndNoAddressNoMail() throws Exception {
		smtpUp();
		UserAccount chose = reviewer(Set.of(NoticeCategory.TASK), MailPreferences.CHINESE);
		UserAccount silent = reviewer(Set.of(), MailPreferences.CHINESE);
		UserAccount infoOnly = reviewer(Set.of(NoticeCategory.INFO), MailPreferences.CHINESE);
		UserAccount addressRemoved = reviewer(Set.of(NoticeCategory.TASK), MailPreferences.CHINESE);
		this.users.updateProfile(addressRemoved.id(), addressRemoved.displayName(), null, null);

		submitApplication();

		awaitOneMessageTo(chose);
		for (UserAccount reviewer : List.of(silent, infoOnly, addressRemoved)) {
			Notification notice = submittedNotice(reviewer);
			assertThat(notice.unread()).as("the inbox has it").isTrue();
			assertThat(queued(notice.id())).as(reviewer.username()).isZero();
		}
		assertThat(messagesTo(silent.email())).isEmpty();
		assertThat(messagesTo(infoOnly.email())).isEmpty();
		assertThat(messagesTo(addressRemoved.email())).isEmpty();
	}

	@Test
	void aMailServerDownAtFirstGetsTheMailOnceWhenItComesBackAndTheInboxHadTheNoticeAllAlong() throws Exception {
		UserAccount reviewer = reviewer(Set.of(NoticeCategory.TASK), MailPreferences.ENGLISH);
		Notification notice = submittedWhileSmtpIsDown(reviewer);
		await().atMost(Duration.ofSeconds(10)).until(() -> (int) mail(notice.id()).get("attempts") >= 1);
		assertThat(mail(notice.id())).containsEntry("status", "PENDING");
		assertThat((String) mail(notice.id()).get("last_error")).isNotBlank();
		assertThat(incompletePublications(notice.id())).as("left for the retry").isEqualTo(1);

		smtpUp();
		MimeMessage message = awaitOneMessageTo(reviewer);
		assertThat(message.getSubject()).startsWith("[GovCloud] Task: Resource application");
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(mail(notice.id()).get("status")));
		Thread.sleep(1500);
		assertThat(messagesTo(reviewer.email())).as("sent once, never again").hasSize(1);
		assertThat((int) mail(notice.id()).get("attempts")).isBetween(2, MAX_ATTEMPTS);
		await().atMost(Duration.ofSeconds(5)).until(() -> incompletePublications(notice.id()) == 0);
	}

	@Test
	void aMailThatNeverGetsThroughIsGivenUpAfterTheLastAttemptAndTheNoticeStaysInTheInbox() throws Exception {
		UserAccount reviewer = reviewer(Set.of(NoticeCategory.TASK), MailPreferences.CHINESE);
		Notification notice = submittedWhileSmtpIsDown(reviewer);
		await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(mail(notice.id()).get("status")));
		assertThat(mail(notice.id())).containsEntry("attempts", MAX_ATTEMPTS);
		await().atMost(Duration.ofSeconds(5)).until(() -> incompletePublications(notice.id()) == 0);
		assertThat(this.inbox.find(reviewer.id(), notice.id()).unread()).isTrue();
		smtpUp();
		Thread.sleep(1000);
		assertThat(messagesTo(reviewer.email())).as("given up is given up").isEmpty();
	}

	@Test
	void theAccountApiTurnsCategoriesOnAndOffAndNamesTheFieldOfABadChoice() throws Exception {
		UserAccount reviewer = reviewer(Set.of(), MailPreferences.CHINESE);
		TestClient client = signedInFirstTime(reviewer);

		String shown = client.getJson("/api/v1/account/notice-mail").body();
		assertThat((Boolean) JsonPath.read(shown, "$.serverConfigured")).isTrue();
		assertThat((String) JsonPath.read(shown, "$.address")).isEqualTo(reviewer.email());
		assertThat(JsonPath.<List<String>>read(shown, "$.categories")).isEmpty();

		HttpResponse<String> chosen = client.putJson("/api/v1/account/notice-mail",
				"{\"categories\":[\"TASK\",\"REMINDER\"],\"language\":\"en\"}");
		assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(chosen.body(), "$.categories")).containsExactlyInAnyOrder("TASK",
				"REMINDER");
		assertThat(this.preferences.of(reviewer.id(), Locale.CHINESE).language()).isEqualTo("en");

		HttpResponse<String> unknown = client.putJson("/api/v1/account/notice-mail",
				"{\"categories\":[\"TASK\",\"GOSSIP\"],\"language\":\"en\"}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(unknown.body(), "$.errors[0].field")).isEqualTo("categories");
		HttpResponse<String> french = client.putJson("/api/v1/account/notice-mail",
				"{\"categories\":[\"TASK\"],\"language\":\"fr\"}");
		assertThat(french.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(french.body(), "$.errors[0].field")).isEqualTo("language");
		assertThat(this.preferences.of(reviewer.id(), Locale.CHINESE).categories())
			.as("a refused choice changes nothing")
			.containsExactlyInAnyOrder(NoticeCategory.TASK, NoticeCategory.REMINDER);

		HttpResponse<String> off = client.putJson("/api/v1/account/notice-mail", "{\"categories\":[]}");
		assertThat(off.statusCode()).isEqualTo(200);
		assertThat(this.preferences.of(reviewer.id(), Locale.CHINESE).categories()).isEmpty();
		assertThat(this.preferences.of(reviewer.id(), Locale.CHINESE).language()).as("kept").isEqualTo("en");
	}

	@Test
	void withoutAnAddressThePageSaysWhyAndNothingCanBeTurnedOn() {
		TestClient demo = TestClient.signedIn(this.port, "finance");
		String page = demo.get("/account/notices").body();
		assertThat(page).contains("您的账户没有登记电子邮箱").contains("<fieldset disabled");

		HttpResponse<String> refused = demo.putJson("/api/v1/account/notice-mail",
				"{\"categories\":[\"INFO\"],\"language\":\"zh-CN\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("categories");
	}

	@Test
	void thePageSavesTheChoiceAndTheLanguageSwitchedInThePagesIsRemembered() {
		UserAccount reviewer = reviewer(Set.of(), MailPreferences.CHINESE);
		TestClient client = signedInFirstTime(reviewer);

		String page = client.get("/account/notices?lang=en").body();
		assertThat(page).contains("E-mails go to " + reviewer.email()).doesNotContain("<fieldset disabled");
		assertThat(this.preferences.of(reviewer.id(), Locale.CHINESE).language()).isEqualTo("en");

		HttpResponse<String> saved = client.postForm("/account/notices",
				Map.of("categories", "REMINDER", "language", "zh-CN"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.preferences.of(reviewer.id(), Locale.ENGLISH).categories())
			.containsExactly(NoticeCategory.REMINDER);
		assertThat(this.preferences.of(reviewer.id(), Locale.ENGLISH).language()).isEqualTo("zh-CN");
		assertThat(client.get("/account/notices").body()).contains("value=\"REMINDER\" checked=\"checked\"");
	}

	private UserAccount reviewer(Set<NoticeCategory> categories, String language) {
		String username = "mail-" + UUID.randomUUID().toString().substring(0, 8);
		UserAccount account = this.users
			.create(new UserForm(username, "邮件测试 " + username, this.organizations.commission().id(),
					Set.of(Role.COMMISSION_REVIEWER), null, username + "@yixing.test", TestClient.DEMO_PASSWORD));
		this.created.add(account.id());
		this.preferences.rememberLanguage(account.id(), Locale.forLanguageTag(language));
		if (!categories.isEmpty()) {
			this.preferences.choose(account.id(), categories, language);
		}
		return account;
	}

	/** A new account must change its password first; afterwards the session is free. */
	private TestClient signedInFirstTime(UserAccount account) {
		TestClient client = TestClient.anonymous(this.port);
		client.login(account.username(), TestClient.DEMO_PASSWORD);
		HttpResponse<String> changed = client.postJson("/api/v1/account/password",
				"{\"currentPassword\":\"" + TestClient.DEMO_PASSWORD
						+ "\",\"newPassword\":\"Mail#Test2026x\",\"confirmPassword\":\"Mail#Test2026x\"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
		return client;
	}

	/** What a unit does: a system, its construction plan, an application, submitted. */
	private void submitApplication() {
		TestClient unit = TestClient.signedIn(this.port, "unitmember");
		HttpResponse<String> system = unit.postJson("/api/v1/systems", "{\"name\":\"邮件测试系统 "
				+ UUID.randomUUID().toString().substring(0, 8) + "\",\"purpose\":\"测试\",\"protectionLevel\":2}");
		assertThat(system.statusCode()).as(system.body()).isEqualTo(201);
		String systemId = JsonPath.read(system.body(), "$.id");
		unit.postMultipart("/api/v1/systems/" + systemId + "/plans", "file", "plan.pdf", Scenarios.PDF);
		HttpResponse<String> drafted = unit.postJson("/api/v1/applications", "{\"systemId\":\"" + systemId
				+ "\",\"planVersion\":1,\"lines\":[{\"kind\":\"CLOUD_HOST\",\"spec\":{\"vcpu\":8,\"memoryGib\":32,"
				+ "\"systemDiskGib\":100,\"os\":\"麒麟 Kylin\"},\"quantity\":1,\"justification\":\"业务\"}]}");
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		HttpResponse<String> submitted = unit
			.postJson("/api/v1/applications/" + JsonPath.read(drafted.body(), "$.id") + "/submit", "{}");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
	}

	/**
	 * An application submitted while no SMTP server listens: the inbox has the notice.
	 */
	private Notification submittedWhileSmtpIsDown(UserAccount reviewer) {
		smtpDown();
		submitApplication();
		Notification notice = submittedNotice(reviewer);
		assertThat(this.inbox.find(reviewer.id(), notice.id()).unread()).isTrue();
		return notice;
	}

	/** The notice of the submission in the reviewer's inbox, written after the commit. */
	private Notification submittedNotice(UserAccount reviewer) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.inbox.list(reviewer.id(), false, 0, 5)
				.items()
				.stream()
				.filter((notification) -> "notice.application.submitted".equals(notification.code()))
				.findFirst()
				.orElse(null), (found) -> found != null);
	}

	private MimeMessage awaitOneMessageTo(UserAccount reader) throws MessagingException {
		await().atMost(Duration.ofSeconds(15)).until(() -> !messagesTo(reader.email()).isEmpty());
		List<MimeMessage> received = messagesTo(reader.email());
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	private static List<MimeMessage> messagesTo(String address) throws MessagingException {
		List<MimeMessage> to = new ArrayList<>();
		if (smtp == null) {
			return to;
		}
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> ((InternetAddress) recipient).getAddress().equalsIgnoreCase(address))) {
				to.add(message);
			}
		}
		return to;
	}

	private static String body(MimeMessage message) throws IOException, MessagingException {
		return (String) message.getContent();
	}

	private Map<String, Object> mail(UUID notificationId) {
		return this.jdbc.sql("SELECT status, attempts, last_error FROM notice_mail WHERE notification_id = :id")
			.param("id", notificationId)
			.query()
			.singleRow();
	}

	private long queued(UUID notificationId) {
		return this.jdbc.sql("SELECT count(*) FROM notice_mail WHERE notification_id = :id")
			.param("id", notificationId)
			.query(Long.class)
			.single();
	}

	private long incompletePublications(UUID notificationId) {
		return this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :id")
			.param("id", "%" + notificationId + "%")
			.query(Long.class)
			.single();
	}

	private static void smtpUp() {
		if (smtp == null) {
			smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
		}
	}

	private static void smtpDown() {
		if (smtp != null) {
			smtp.stop();
			smtp = null;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
