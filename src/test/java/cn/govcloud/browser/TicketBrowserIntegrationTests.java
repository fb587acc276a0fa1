package cn.govcloud.browser;

import java.time.YearMonth;
import java.util.List;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import cn.govcloud.shared.CityTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault reported, answered and rated in a real Chromium (Art. 10, 19): the unit raises
 * a P2 fault from its system's page, the supplier's operator takes it and asks a question
 * (the resolution clock pauses), the unit answers, the operator resolves, the unit
 * confirms and rates, and the Commission's attainment table counts the ticket.
 */
@GovCloudIntegrationTest
class TicketBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFaultRaisedByTheUnitIsAnsweredResolvedConfirmedRatedAndCounted() {
		Accepted hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 1);
		try (Browser unit = new Browser(this.port); Browser operator = new Browser(this.port)) {
			unit.signIn("unitadmin", TestClient.DEMO_PASSWORD).waitForPath("/");
			unit.open("/systems/" + hosts.systemId()).click("#raise-ticket").waitForPath("/tickets/new");
			unit.select("#category", "FAULT").select("#priority", "P2").type("#title", "浏览器里的 OA 无法登录");
			unit.type("#description", "上午 9 点起全体人员登录超时");
			unit.screenshot("ticket-01-new");
			unit.click("#new-ticket button[type=submit]");
			unit.waitForText("#ticket-status", "待响应");
			String path = unit.currentPath();
			assertThat(path).matches("/tickets/[0-9a-f-]{36}");
			assertThat(unit.text("#clocks tr[data-clock=response] .clock-state")).isEqualTo("计时中");
			assertThat(unit.text("#clocks tr[data-clock=resolution] td:nth-child(2)")).isEqualTo("8 小时");

			operator.signIn("operator", TestClient.DEMO_PASSWORD).waitForPath("/");
			operator.open("/tickets");
			operator.click("a[href='" + path + "']").waitForPath(path);
			operator.click("#acknowledge").waitForText("#ticket-status", "已响应");
			assertThat(operator.text("#clocks tr[data-clock=response] .clock-state")).isEqualTo("已达成");
			operator.type("#ask-text", "请提供出错时的截图");
			operator.click("#ask button[type=submit]").waitForText("#ticket-status", "等待单位答复");
			assertThat(operator.text("#clocks tr[data-clock=resolution] .clock-state")).isEqualTo("已暂停");
			assertThat(operator.text("#clocks tr[data-clock=resolution] td:nth-child(4)")).isEqualTo("—");
			operator.screenshot("ticket-02-waiting-on-unit");

			unit.open(path).waitForText("#ticket-status", "等待单位答复");
			assertThat(unit.text("#clocks tr[data-clock=resolution] .clock-state")).isEqualTo("已暂停");
			assertThat(unit.text("#history")).contains("请提供出错时的截图");
			unit.type("#answer-text", "截图已上传到共享目录");
			unit.click("#answer button[type=submit]").waitForText("#ticket-status", "处理中");
			assertThat(unit.text("#clocks tr[data-clock=resolution] .clock-state")).isEqualTo("计时中");

			operator.open(path).type("#resolve-text", "扩大数据库连接池并重启");
			operator.click("#resolve button[type=submit]").waitForText("#ticket-status", "已解决待确认");
			assertThat(operator.text("#clocks tr[data-clock=resolution] .clock-state")).isEqualTo("已达成");

			unit.open(path).click("#confirm button").waitForText("#ticket-status", "已关闭");
			unit.click("#rate input[name=stars][value='5']").type("#rate-text", "响应很快");
			unit.click("#rate button[type=submit]").waitForText("#ratings", "★★★★★");
			assertThat(unit.present("#rate")).as("rated once").isFalse();
			List<String> steps = List.of("提交了工单", "接单并首次响应", "向单位提问（计时暂停）", "标记为已解决", "关闭了工单");
			String history = unit.text("#history");
			assertThat(history).contains(steps).contains("截图已上传到共享目录").contains("扩大数据库连接池并重启");
			assertThat(history.indexOf(steps.get(1))).isLessThan(history.indexOf(steps.get(3)));
			unit.screenshot("ticket-03-closed-and-rated");
		}
		try (Browser manager = new Browser(this.port)) {
			manager.signIn("manager", TestClient.DEMO_PASSWORD).waitForPath("/");
			manager.open("/tickets/attainment");
			String month = YearMonth.now(CityTime.ZONE).toString();
			assertThat(manager.text("#attainment tbody")).contains(month + " 宜兴政务云服务有限公司 P2");
			// The chart draws the same rows: one solid and one dashed line per supplier.
			manager.waitUntil(() -> "drawn"
				.equals(manager.script("return document.getElementById('attainment-chart').dataset.state")));
			assertThat(manager.find("#attainment-chart canvas").isDisplayed()).isTrue();
			manager.screenshot("ticket-04-attainment");
		}
	}

}
