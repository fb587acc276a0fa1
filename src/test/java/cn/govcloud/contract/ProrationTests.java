package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProrationTests {

	@Test
	void wholeMonthsCostTheMonthlyAmount() {
		assertThat(Proration.over(new BigDecimal("100.00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
			.isEqualByComparingTo("1200.00");
		assertThat(Proration.over(new BigDecimal("100.00"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)))
			.isEqualByComparingTo("100.00");
	}

	@Test
	void partialMonthsArePaidByTheirDays() {
		// 16 of 31 days of January: 100 × 16/31 = 51.6129… → 51.61
		assertThat(Proration.over(new BigDecimal("100.00"), LocalDate.of(2026, 1, 16), LocalDate.of(2026, 1, 31)))
			.isEqualByComparingTo("51.61");
		// Jan 16 – Mar 15: 16/31 + 1 + 15/31 of 100 = 200.00 exactly
		assertThat(Proration.over(new BigDecimal("100.00"), LocalDate.of(2026, 1, 16), LocalDate.of(2026, 3, 15)))
			.isEqualByComparingTo("200.00");
		// a leap February day: 100 × 1/29 = 3.448… → 3.45
		assertThat(Proration.over(new BigDecimal("100.00"), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 29)))
			.isEqualByComparingTo("3.45");
	}

	@Test
	void roundsHalfUpToTheFenOncePerLine() {
		// Half a fen rounds up, less than half down.
		BigDecimal monthly = new BigDecimal("4.805");
		assertThat(Proration.fen(monthly)).isEqualByComparingTo("4.81");
		assertThat(Proration.fen(new BigDecimal("4.8049"))).isEqualByComparingTo("4.80");
		// Rounding once over the whole period differs from rounding each month and
		// adding:
		// 1.00 per month for 10 days of each of three 31-day months: exact 0.9677…,
		// per-month 0.32 × 3 = 0.96
		BigDecimal perLine = Proration
			.fen(Proration.exactly(new BigDecimal("1.00"), LocalDate.of(2026, 1, 22), LocalDate.of(2026, 1, 31))
				.add(Proration.exactly(new BigDecimal("1.00"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10)))
				.add(Proration.exactly(new BigDecimal("1.00"), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 10))));
		assertThat(perLine).isEqualByComparingTo("0.97");
	}

	@Test
	void theMonthlyAmountIsQuantityTimesPriceRoundedToTheFen() {
		assertThat(Proration.monthly(16, new BigDecimal("45.00"))).isEqualByComparingTo("720.00");
		assertThat(Proration.monthly(3, new BigDecimal("0.15"))).isEqualByComparingTo("0.45");
	}

	@Test
	void anEmptyPeriodCostsNothing() {
		assertThat(Proration.over(new BigDecimal("100.00"), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1)))
			.isEqualByComparingTo("0.00");
	}

}
