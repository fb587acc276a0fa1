package cn.govcloud.servicedesk;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTokensTests {

	@Test
	void hanCharactersBecomeOverlappingPairsAndOtherWordsLowerCaseWords() {
		assertThat(SearchTokens.of("数据库磁盘告警 MySQL-8 down")).containsExactly("数据", "据库", "库磁", "磁盘", "盘告", "告警", "mysql",
				"8", "down");
		assertThat(SearchTokens.of("网 络")).containsExactly("网", "络");
	}

	@Test
	void aQueryMatchesOnlyTextsHoldingEveryOneOfItsTokens() {
		assertThat(matches("磁盘告警", "数据库磁盘告警")).isTrue();
		assertThat(matches("磁盘告警", "磁盘正常，无告警")).isFalse();
		assertThat(matches("OA 登录", "oa系统登录失败")).isTrue();
	}

	private static boolean matches(String query, String text) {
		List<String> held = Arrays.asList(SearchTokens.of(text));
		return held.containsAll(Arrays.asList(SearchTokens.of(query)));
	}

}
