package cn.govcloud.notification;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.organization.Users;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox pages, the header badge and the API, through HTTP as people and programs use
 * them.
 */
@GovCloudIntegrationTest
class NotificationWebIntegrationTests {

	private static final Pattern BADGE = Pattern.compile("<span id=\"unread-count\"[^>]*>(\\d+)</span>");

	private static final Pattern DASHBOARD_FIGURE = Pattern
		.compile("data-key=\"dashboard.unread\"[\\s\\S]*?class=\"value\">(\\d+)<");

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Inbox inbox;

	@Autowired
	Users users;

	@Test
	void theHeaderBadgeAndTheDashboardShowTheUnreadCountOfTheApi() {
		TestClient browser = TestClient.signedIn(this.port, "unitadmin");
		Notification first = notifyUnitadmin("甲");
		Notification second = notifyUnitadmin("乙");
		long unread = apiUnreadCount(browser);
		assertThat(unread).isGreaterThanOrEqualTo(2);
		String dashboard = browser.get("/").body();
		assertThat(badge(dashboard)).isEqualTo(unread);
		assertThat(find(DASHBOARD_FIGURE, dashboard)).isEqualTo(unread);
		assertThat(badge(browser.get("/inbox").body())).isEqualTo(unread);

		HttpResponse<String> marked = browser.postJson("/api/v1/notifications/" + first.id() + "/read", "");
		assertThat(marked.statusCode()).isEqualTo(200);
		assertThat(tree(marked).get("unread").asBoolean()).isFalse();
		assertThat(apiUnreadCount(browser)).isEqualTo(unread - 1);
		assertThat(badge(browser.get("/organizations").body())).isEqualTo(unread - 1);

		browser.get("/inbox");
		HttpResponse<String> posted = browser.postForm("/inbox/" + second.id() + "/read",
				Map.of("unread", "true", "page", "0"));
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/inbox?unread=true&page=0");
		assertThat(apiUnreadCount(browser)).isEqualTo(unread - 2);
		assertThat(badge(browser.get("/inbox").body())).isEqualTo(unread - 2);
	}

	@Test
	void markingReadWithHtmxAnswersTheRowAndTheBadgeOutOfBand() {
		TestClient browser = TestClient.signedIn(this.port, "unitadmin");
		Notification sent = notifyUnitadmin("丙");
		long unread = apiUnreadCount(browser);
		assertThat(browser.get("/inbox").body()).contains("id=\"notification-" + sent.id() + "\"");

		HttpResponse<String> answer = browser.header("HX-Request", "true")
			.postForm("/inbox/" + sent.id() + "/read", Map.of());

		assertThat(answer.statusCode()).isEqualTo(200);
		String body = answer.body();
		assertThat(body).doesNotContain("<html").doesNotContain("<header");
		assertThat(body).containsPattern("<li id=\"notification-" + sent.id() + "\" class=\"notification\"");
		assertThat(body).contains("autofocus").contains("丙");
		assertThat(body).containsPattern("<span id=\"unread-count\"[^>]* hx-swap-oob=\"true\"");
		assertThat(badge(body)).isEqualTo(unread - 1);
		assertThat(apiUnreadCount(browser)).isEqualTo(unread - 1);
	}

	@Test
	void markAllReadZeroesTheBadge() {
		TestClient browser = TestClient.signedIn(this.port, "unitadmin");
		notifyUnitadmin("丁");
		assertThat(badge(browser.get("/inbox").body())).isPositive();

		HttpResponse<String> posted = browser.postForm("/inbox/read-all", Map.of());
		assertThat(posted.statusCode()).isEqualTo(302);
		String page = browser.get("/inbox").body();

		assertThat(apiUnreadCount(browser)).isZero();
		assertThat(badge(page)).isZero();
		assertThat(page).containsPattern("<span id=\"unread-count\"[^>]* hidden=\"hidden\"");
		assertThat(page).doesNotContain("class=\"notification unread\"");
		notifyUnitadmin("戊");
		assertThat(browser.postJson("/api/v1/notifications/read-all", "").body()).isEqualTo("{\"marked\":1}");
		assertThat(apiUnreadCount(browser)).isZero();
	}

	@Test
	void openingANotificationMarksItReadAndGoesWhereItPoints() {
		TestClient browser = TestClient.signedIn(this.port, "unitadmin");
		Notification linked = this.inbox.notifyUser(unitadmin(),
				Notice.of(NoticeCategory.TASK, "notification.welcome.hello", "链接").linkingTo("/account/password"));
		assertThat(browser.get("/inbox").body()).contains("href=\"/inbox/" + linked.id() + "/open\"");

		HttpResponse<String> opened = browser.get("/inbox/" + linked.id() + "/open");

		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
		assertThat(this.inbox.find(unitadmin(), linked.id()).unread()).isFalse();
	}

	@Test
	void someoneElsesNotificationIsNotFoundExactlyLikeOneThatNeverExisted() {
		Notification theirs = notifyUnitadmin("己");
		UUID never = UUID.randomUUID();
		TestClient other = TestClient.signedIn(this.port, "unitadmin2");

		for (String path : new String[] { "/api/v1/notifications/%s", "/api/v1/notifications/%s/read" }) {
			HttpResponse<String> foreign = path.endsWith("read") ? other.postJson(path.formatted(theirs.id()), "")
					: other.getJson(path.formatted(theirs.id()));
			HttpResponse<String> missing = path.endsWith("read") ? other.postJson(path.formatted(never), "")
					: other.getJson(path.formatted(never));
			assertThat(foreign.statusCode()).as(path).isEqualTo(404).isEqualTo(missing.statusCode());
			assertThat(withoutInstance(foreign)).as(path).isEqualTo(withoutInstance(missing));
		}

		other.get("/inbox");
		other.header("Accept", "text/html");
		HttpResponse<String> foreignPost = other.postForm("/inbox/" + theirs.id() + "/read", Map.of());
		HttpResponse<String> missingPost = other.postForm("/inbox/" + never + "/read", Map.of());
		assertThat(foreignPost.statusCode()).isEqualTo(404).isEqualTo(missingPost.statusCode());
		assertThat(foreignPost.body()).isEqualTo(missingPost.body());

		HttpResponse<String> foreignOpen = other.get("/inbox/" + theirs.id() + "/open");
		HttpResponse<String> missingOpen = other.get("/inbox/" + never + "/open");
		assertThat(foreignOpen.statusCode()).isEqualTo(404).isEqualTo(missingOpen.statusCode());
		assertThat(foreignOpen.body()).isEqualTo(missingOpen.body());

		assertThat(this.inbox.find(unitadmin(), theirs.id()).unread()).isTrue();
		assertThat(other.get("/inbox").body()).doesNotContain(theirs.id().toString());
	}

	@Test
	void theTextIsChineseByDefaultAndEnglishOnRequest() {
		Notification sent = notifyUnitadmin("张伟");
		String path = "/api/v1/notifications/" + sent.id();

		JsonNode chinese = tree(TestClient.signedIn(this.port, "unitadmin").getJson(path));
		assertThat(chinese.get("text").asString()).startsWith("张伟，欢迎使用政务云管理平台。");
		assertThat(chinese.get("code").asString()).isEqualTo("notification.welcome.hello");
		assertThat(chinese.get("args").get(0).asString()).isEqualTo("张伟");

		TestClient acceptEnglish = TestClient.signedIn(this.port, "unitadmin").header("Accept-Language", "en");
		assertThat(tree(acceptEnglish.getJson(path)).get("text").asString()).startsWith("Welcome to GovCloud, 张伟.");
		assertThat(
				tree(acceptEnglish.getJson("/api/v1/notifications?size=200")).get("items").findValuesAsString("text"))
			.contains(tree(acceptEnglish.getJson(path)).get("text").asString());

		TestClient langEnglish = TestClient.signedIn(this.port, "unitadmin");
		assertThat(tree(langEnglish.getJson(path + "?lang=en")).get("text").asString())
			.startsWith("Welcome to GovCloud, 张伟.");
		assertThat(langEnglish.get("/inbox?lang=en").body()).contains("Welcome to GovCloud, 张伟.").contains("Mark read");
		assertThat(TestClient.signedIn(this.port, "unitadmin").get("/inbox").body()).contains("张伟，欢迎使用政务云管理平台。")
			.contains("标为已读");
	}

	@Test
	void badPagingIsClampedAndABadIdNamesTheField() {
		TestClient caller = TestClient.signedIn(this.port, "unitadmin");

		HttpResponse<String> clamped = caller.getJson("/api/v1/notifications?page=-1&size=10000");
		assertThat(clamped.statusCode()).isEqualTo(200);
		assertThat(tree(clamped).get("page").asInt()).isZero();
		assertThat(tree(clamped).get("size").asInt()).isEqualTo(200);
		assertThat(caller.getJson("/api/v1/notifications?page=0&size=0").statusCode()).isEqualTo(200);
		assertThat(caller.get("/inbox?page=-1").statusCode()).isEqualTo(200);
		assertThat(caller.get("/inbox?page=99999").statusCode()).isEqualTo(200);

		for (HttpResponse<String> bad : new HttpResponse[] { caller.getJson("/api/v1/notifications/not-a-uuid"),
				caller.postJson("/api/v1/notifications/not-a-uuid/read", "") }) {
			assertThat(bad.statusCode()).isEqualTo(400);
			assertThat(tree(bad).get("errors").get(0).get("field").asString()).isEqualTo("id");
		}
		HttpResponse<String> badSize = caller.getJson("/api/v1/notifications?size=many");
		assertThat(badSize.statusCode()).isEqualTo(400);
		assertThat(tree(badSize).get("errors").get(0).get("field").asString()).isEqualTo("size");

		caller.get("/inbox");
		assertThat(caller.postForm("/inbox/not-a-uuid/read", Map.of()).statusCode()).isEqualTo(400);
		assertThat(caller.get("/inbox?unread=maybe").statusCode()).isEqualTo(400);
	}

	@Test
	void theInboxNeedsASignedInCaller() {
		TestClient anonymous = TestClient.anonymous(this.port);
		assertThat(anonymous.getJson("/api/v1/notifications/unread-count").statusCode()).isEqualTo(401);
		HttpResponse<String> page = anonymous.get("/inbox");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(anonymous.get("/login").body()).doesNotContain("unread-count");
	}

	@Test
	void theApiIsDocumented() {
		String docs = TestClient.signedIn(this.port, "unitadmin").getJson("/v3/api-docs").body();
		assertThat(docs).contains("\"/api/v1/notifications\"", "\"/api/v1/notifications/unread-count\"",
				"\"/api/v1/notifications/{id}/read\"", "\"/api/v1/notifications/read-all\"", "\"Notifications\"");
	}

	private Notification notifyUnitadmin(String name) {
		return this.inbox.notifyUser(unitadmin(), Notice.of(NoticeCategory.INFO, "notification.welcome.hello", name));
	}

	private UUID unitadmin() {
		return this.users.findByUsername("unitadmin").orElseThrow().id();
	}

	private long apiUnreadCount(TestClient client) {
		HttpResponse<String> response = client.getJson("/api/v1/notifications/unread-count");
		assertThat(response.statusCode()).isEqualTo(200);
		return tree(response).get("unread").asLong();
	}

	private static long badge(String page) {
		return find(BADGE, page);
	}

	private static long find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private JsonNode tree(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private JsonNode withoutInstance(HttpResponse<String> response) {
		ObjectNode problem = (ObjectNode) tree(response);
		assertThat(problem.get("instance").asString()).startsWith("/api/v1/notifications/");
		problem.remove("instance");
		return problem;
	}

}
