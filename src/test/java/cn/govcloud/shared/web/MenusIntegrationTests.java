package cn.govcloud.shared.web;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept side menu ({@link Menus}) is each person's own: a menu kept for one set of
 * roles is never shown to another, and each language has its own.
 */
@GovCloudIntegrationTest
class MenusIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aMenuKeptForTheCommissionIsNotAUnitsAndEachLanguageHasItsOwn() {
		String commission = menu(TestClient.signedIn(this.port, "reviewer").get("/").body());
		assertThat(commission).contains("href=\"/review\"", ">待审核<");
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String units = menu(unit.get("/").body());
		assertThat(units).contains("href=\"/applications\"", ">资源申请<", "href=\"/account/password\"")
			.doesNotContain("href=\"/review\"");
		assertThat(menu(unit.get("/applications").body())).isEqualTo(units);
		String english = menu(unit.get("/?lang=en").body());
		assertThat(english).contains(">Applications<").doesNotContain(">资源申请<", "href=\"/review\"");
		assertThat(menu(unit.get("/?lang=en-GB").body())).isEqualTo(english);
		assertThat(menu(unit.get("/?lang=fr").body())).isEqualTo(units);
		assertThat(menu(unit.get("/?lang=zh-CN").body())).isEqualTo(units);
		assertThat(menu(TestClient.signedIn(this.port, "reviewer").get("/").body())).isEqualTo(commission);
	}

	private static String menu(String page) {
		int start = page.indexOf("<nav class=\"side\"");
		assertThat(start).as("the side menu").isNotNegative();
		return page.substring(start, page.indexOf("</nav>", start));
	}

}
