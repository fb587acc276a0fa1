package cn.govcloud.organization;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CreditCodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "91110000600037341L", "113202820140000019" })
	void acceptsCodesWithTheRightCheckCharacter(String code) {
		assertThat(CreditCode.isValid(code)).isTrue();
	}

	@Test
	void computesTheCheckCharacterOfPublishedCodes() {
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
		assertThat(CreditCode.checkCharacter("91110000600037341")).isEqualTo('L');
	}

	@Test
	void aCheckCharacterOfZeroComesFromARemainderOfZero() {
		// 31 - (sum mod 31) = 31 must map to '0', not fall off the alphabet.
		String body = findBodyWithRemainderZero();
		assertThat(CreditCode.checkCharacter(body)).isEqualTo('0');
		assertThat(CreditCode.isValid(body + "0")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y44", // wrong check character
			"91110000600037341K", // wrong check character
			"91350100M000100Y4", // 17 characters
			"91350100M000100Y433", // 19 characters
			"91350100m000100Y43", // lower case
			"91350100I000100Y43", // I is not in the alphabet
			"91350100O000100Y43", // O is not in the alphabet
			"91350100S000100Y43", // S is not in the alphabet
			"91350100Z000100Y43", // Z is not in the alphabet
			"91350100V000100Y43", // V is not in the alphabet
			"9135010 M000100Y43" })
	void refusesMalformedCodes(String code) {
		assertThat(CreditCode.isValid(code)).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	void refusesNothing(String code) {
		assertThat(CreditCode.isValid(code)).isFalse();
	}

	@Test
	void theBodyMustHaveSeventeenValidCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter("123"));
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter("9135010OM000100Y4"));
	}

	@Test
	void demoCodesAreValid() {
		for (int i = 1; i <= 100; i++) {
			assertThat(CreditCode.isValid(Bootstrap.demoCode(i))).as("demo code %d", i).isTrue();
		}
	}

	private static String findBodyWithRemainderZero() {
		for (int n = 0; n < 1000; n++) {
			String body = "11320282" + String.format("%09d", n);
			if (CreditCode.checkCharacter(body) == '0') {
				return body;
			}
		}
		throw new AssertionError("no body with check character 0 among the first 1000");
	}

}
