package cn.govcloud.shared;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputBoundsTests {

	@Test
	void aNulOrEscapeCharacterIsRefusedButTabsAndLineBreaksAreText() {
		assertThat(InputBounds.hasControlCharacter("a\u0000b")).isTrue();
		assertThat(InputBounds.hasControlCharacter("a\u001bb")).isTrue();
		assertThat(InputBounds.hasControlCharacter("a\u007fb")).isTrue();
		assertThat(InputBounds.hasControlCharacter("第一行\n第二行\t制表\r")).isFalse();
	}

	@Test
	void decimalsBeyondTheColumnsAreRefusedWhateverTheirNotation() {
		assertThat(InputBounds.fitsDecimal(new BigDecimal("999999999999.999999"))).isTrue();
		assertThat(InputBounds.fitsDecimal(new BigDecimal("1E+11"))).isTrue();
		assertThat(InputBounds.fitsDecimal(new BigDecimal("1E+12"))).isFalse();
		assertThat(InputBounds.fitsDecimal(new BigDecimal("1E+1000000"))).isFalse();
		assertThat(InputBounds.fitsDecimal(new BigDecimal("1E-1000000"))).isFalse();
		assertThat(InputBounds.fitsDecimal(new BigDecimal("0.0000001"))).isFalse();
	}

	@Test
	void datesLieBetween1900And2999() {
		assertThat(InputBounds.fitsDate(LocalDate.of(1900, 1, 1))).isTrue();
		assertThat(InputBounds.fitsDate(LocalDate.of(2999, 12, 31))).isTrue();
		assertThat(InputBounds.fitsDate(LocalDate.of(1899, 12, 31))).isFalse();
		assertThat(InputBounds.fitsDate(LocalDate.of(3000, 1, 1))).isFalse();
		assertThat(InputBounds.fitsDate(LocalDate.MAX)).isFalse();
	}

	@Test
	void fileNamesAreShortAndPrintable() {
		assertThat(InputBounds.fitsFileName("建设方案 v2.pdf")).isTrue();
		assertThat(InputBounds.fitsFileName("a\u0000.pdf")).isFalse();
		assertThat(InputBounds.fitsFileName("x".repeat(201))).isFalse();
	}

}
