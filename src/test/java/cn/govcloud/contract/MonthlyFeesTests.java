package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyFeesTests {

	private static ContractLine line(int version, long quantity) {
		return new ContractLine(UUID.randomUUID(), version, 1, null, "CLOUD_HOST", "vcpu", "VCPU_MONTH", quantity,
				quantity, new BigDecimal("30.00"), new BigDecimal("30.00"), "T-1");
	}

	private static final ContractOutline AMENDED = new ContractOutline(UUID.randomUUID(), "HT-1", UUID.randomUUID(),
			UUID.randomUUID(), UUID.randomUUID(), ContractStatus.ACTIVE, LocalDate.of(2027, 2, 14), 2,
			Map.of(1, LocalDate.of(2026, 3, 1), 2, LocalDate.of(2026, 11, 16)), List.of(line(1, 10), line(2, 20)));

	@Test
	void aMonthWithAnAmendmentBillsEachVersionOverItsOwnDays() {
		// Art. 7: 300.00 a month for 15 of November's 30 days, then 600.00 for the other
		// 15.
		assertThat(MonthlyFees.amount(AMENDED, LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 14),
				YearMonth.of(2026, 11)))
			.isEqualByComparingTo("450.00");
		assertThat(MonthlyFees.amount(AMENDED, LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 14),
				YearMonth.of(2026, 12)))
			.isEqualByComparingTo("600.00");
	}

	@Test
	void theMonthTheTermEndsIsBilledUpToItsLastDay() {
		assertThat(
				MonthlyFees.amount(AMENDED, LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 14), YearMonth.of(2027, 2)))
			.isEqualByComparingTo("300.00");
	}

}
