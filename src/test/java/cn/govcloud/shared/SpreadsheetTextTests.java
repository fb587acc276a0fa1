package cn.govcloud.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1" })
	void prefixesEveryLeadingCharacterThatCouldStartAFormula(String value) {
		assertThat(SpreadsheetText.safe(value)).isEqualTo("'" + value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "login", "user:42 =x", "1+1", "云主机", " =1", "'quoted" })
	void leavesOtherTextAlone(String value) {
		assertThat(SpreadsheetText.safe(value)).isEqualTo(value);
	}

	@Test
	void keepsNullAndEmpty() {
		assertThat(SpreadsheetText.safe(null)).isNull();
		assertThat(SpreadsheetText.safe("")).isEmpty();
	}

}
