package cn.govcloud.finance;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetMathTests {

	@Test
	void feesPerUsedVcpuDivideByTheVcpusHeldTimesTheirAverageUse() {
		// 100 vCPUs at 20 % use 20 vCPUs: 12,000.00 ÷ 20 = 600.00.
		assertThat(BudgetMath.perUsedVcpu(new BigDecimal("12000.00"), 100, 20.0)).isEqualByComparingTo("600.00");
		// 8 vCPUs at 12.5 % use 1: all the fees.
		assertThat(BudgetMath.perUsedVcpu(new BigDecimal("999.99"), 8, 12.5)).isEqualByComparingTo("999.99");
		// 3 vCPUs at 10 % use 0.3: 100 ÷ 0.3 = 333.333… → 333.33.
		assertThat(BudgetMath.perUsedVcpu(new BigDecimal("100.00"), 3, 10.0)).isEqualByComparingTo("333.33");
	}

	@Test
	void withoutAMeasurementOrWithNothingUsedThereIsNoFigureRatherThanADivisionByZero() {
		assertThat(BudgetMath.perUsedVcpu(new BigDecimal("100.00"), 8, null)).isNull();
		assertThat(BudgetMath.perUsedVcpu(new BigDecimal("100.00"), 0, 50.0)).isNull();
		assertThat(BudgetMath.perUsedVcpu(new BigDecimal("100.00"), 8, 0.0)).isNull();
	}

	@Test
	void theChangeAgainstTheYearBeforeIsInPerCentAndAbsentWithoutFeesThen() {
		assertThat(BudgetMath.change(new BigDecimal("110.00"), new BigDecimal("100.00"))).isEqualTo(10.0);
		assertThat(BudgetMath.change(new BigDecimal("50.00"), new BigDecimal("200.00"))).isEqualTo(-75.0);
		assertThat(BudgetMath.change(new BigDecimal("50.00"), new BigDecimal("0.00"))).isNull();
	}

	@Test
	void ratiosReadAsPerCentWithOneDecimal() {
		assertThat(BudgetMath.percent(0.12345)).isEqualTo(12.3);
		assertThat(BudgetMath.percent(1.0)).isEqualTo(100.0);
	}

}
