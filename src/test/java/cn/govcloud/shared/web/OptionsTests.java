package cn.govcloud.shared.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Options written in Java are escaped as Thymeleaf escapes them, the chosen one marked.
 */
class OptionsTests {

	record Unit(int id, String name) {
	}

	@Test
	void valuesAndLabelsAreEscapedAndTheChosenOneIsSelected() {
		List<Unit> units = List.of(new Unit(1, "宜兴市<大数据>中心"), new Unit(2, "\"A\" & 'B'"), new Unit(3, null));
		assertThat(Options.html(units, Unit::id, Unit::name, 2))
			.isEqualTo("<option value=\"1\">宜兴市&lt;大数据&gt;中心</option>"
					+ "<option value=\"2\" selected=\"selected\">&quot;A&quot; &amp; &#39;B&#39;</option>"
					+ "<option value=\"3\"></option>");
		assertThat(Options.html(units, Unit::name, Unit::name, null)).doesNotContain("selected")
			.contains("<option value=\"&quot;A&quot; &amp; &#39;B&#39;\">");
		assertThat(Options.html(List.<Unit>of(), Unit::id, Unit::name, 1)).isEmpty();
	}

}
