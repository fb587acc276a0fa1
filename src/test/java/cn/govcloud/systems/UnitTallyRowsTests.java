package cn.govcloud.systems;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.systems.RegisterOverview.UnitTally;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's per-unit rows written in Java are the rows the template wrote: the same
 * rows rendered by Thymeleaf from the template's former markup, in a web context with a
 * context path, give the same HTML.
 */
class UnitTallyRowsTests {

	/** The rows as {@code systems/overview.html} wrote them before ADR 0053. */
	private static final String TEMPLATE = """
			<table><tbody><tr th:each="u : ${units}" th:attr="data-unit=${u.unitId}">
			  <th scope="row"><a th:href="@{/systems(unitId=${u.unitId})}" th:text="${u.unitName}">unit</a></th>
			  <td data-status="ON_PLATFORM"><a th:href="@{/systems(unitId=${u.unitId}, status='ON_PLATFORM')}" th:text="${u.onPlatform}">0</a></td>
			  <td data-status="MIGRATING"><a th:href="@{/systems(unitId=${u.unitId}, status='MIGRATING')}" th:text="${u.migrating}">0</a></td>
			  <td data-status="LEGACY_SELF_HOSTED"><a th:href="@{/systems(unitId=${u.unitId}, status='LEGACY_SELF_HOSTED')}" th:text="${u.legacySelfHosted}">0</a></td>
			  <td data-status="EXEMPT"><a th:href="@{/systems(unitId=${u.unitId}, status='EXEMPT')}" th:text="${u.exempt}">0</a></td>
			  <td data-status="PLANNED"><a th:href="@{/systems(unitId=${u.unitId}, status='PLANNED')}" th:text="${u.planned}">0</a></td>
			  <td data-status="OFFLINE"><a th:href="@{/systems(unitId=${u.unitId}, status='OFFLINE')}" th:text="${u.offline}">0</a></td>
			  <td th:text="${u.total()}">0</td>
			  <td th:classappend="${u.overdue > 0} ? 'alert'" th:text="${u.overdue}">0</td>
			  <td th:classappend="${u.lacking > 0} ? 'alert'" th:text="${u.lacking}">0</td>
			</tr></tbody></table>""";

	@Test
	void theRowsReadAsTheTemplateWroteThem() {
		List<UnitTally> units = List.of(
				new UnitTally(UUID.randomUUID(), "宜兴市<大数据>中心 & \"办\" '公'", 1, 2, 3, 4, 5, 6, 7, 8),
				new UnitTally(UUID.randomUUID(), "宜兴市教育局", 0, 0, 0, 0, 0, 0, 0, 0),
				new UnitTally(UUID.randomUUID(), "宜兴市卫生健康委员会", 12, 340, 0, 9, 1, 2, 0, 3));
		assertThat(UnitTallyRows.html(units, "/govcloud")).isEqualTo(thymeleaf(units, "/govcloud"));
		assertThat(UnitTallyRows.html(units, "")).isEqualTo(thymeleaf(units, ""))
			.contains("<a href=\"/systems?unitId=" + units.get(0).unitId() + "&amp;status=LEGACY_SELF_HOSTED\">3</a>")
			.contains("<td class=\"alert\">7</td><td class=\"alert\">8</td></tr>");
		assertThat(UnitTallyRows.html(List.of(), "")).isEmpty();
	}

	private static String thymeleaf(List<UnitTally> units, String contextPath) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver();
		engine.setTemplateResolver(resolver);
		MockServletContext servletContext = new MockServletContext();
		servletContext.setContextPath(contextPath);
		MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET",
				contextPath + "/systems/overview");
		request.setContextPath(contextPath);
		WebContext context = new WebContext(
				JakartaServletWebApplication.buildApplication(servletContext)
					.buildExchange(request, new MockHttpServletResponse()),
				Locale.SIMPLIFIED_CHINESE, Map.of("units", units));
		String html = engine.process(TEMPLATE, context);
		return html.replace("<table><tbody>", "").replace("</tbody></table>", "").replaceAll(">\\s+<", "><");
	}

}
