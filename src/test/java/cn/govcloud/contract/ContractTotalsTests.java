package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContractTotalsTests {

	static final LocalDate START = LocalDate.of(2026, 1, 16);

	static final LocalDate END = LocalDate.of(2026, 12, 31);

	@Test
	void aTermStartingMidMonthIsProratedForThatMonth() {
		// 16 vCPU × 45.00 = 720.00 a month; Jan 16–31 is 16/31 of it (371.61), then 11
		// whole months.
		Totals totals = ContractTotals.of(START, END, List.of(version(1, START, line(16, "45.00"))), List.of(),
				LocalDate.of(2027, 1, 1));
		assertThat(totals.monthly()).isEqualByComparingTo("720.00");
		assertThat(totals.term()).isEqualByComparingTo("8291.61");
		assertThat(totals.dueToDate()).isEqualByComparingTo(totals.term());
	}

	@Test
	void anAmendmentAppliesFromItsEffectiveDate() {
		// 720.00 a month until Jun 30, then 8 vCPU (360.00) from Jul 1.
		Totals totals = ContractTotals.of(START, END,
				List.of(version(1, START, line(16, "45.00")), version(2, LocalDate.of(2026, 7, 1), line(8, "45.00"))),
				List.of(), LocalDate.of(2026, 1, 1));
		assertThat(totals.monthly()).isEqualByComparingTo("360.00");
		// 371.61 + 5 × 720.00 + 6 × 360.00
		assertThat(totals.term()).isEqualByComparingTo("6131.61");
		assertThat(totals.dueToDate()).isEqualByComparingTo("0.00");
	}

	@Test
	void paymentsReduceWhatIsOutstanding() {
		Totals totals = ContractTotals.of(
				START, END, List.of(version(1, START, line(16, "45.00"))), List.of(new Payment(UUID.randomUUID(),
						new BigDecimal("1000.00"), START, START, END, "INV-1", "x", Instant.now())),
				LocalDate.of(2026, 2, 15));
		assertThat(totals.paid()).isEqualByComparingTo("1000.00");
		assertThat(totals.outstanding()).isEqualByComparingTo("7291.61");
		// Jan 16–Feb 15 as one period, rounded once: 720 × 16/31 + 720 × 15/28 = 757.327…
		// → 757.33
		// (rounding each month first would give 371.61 + 385.71 = 757.32: the rule is per
		// line and period).
		assertThat(totals.dueToDate()).isEqualByComparingTo("757.33");
	}

	@Test
	void aYearOfATermRunningIntoTheNextIsProratedByDaysAndTheTwoYearsAddUpToTheTerm() {
		// 720.00 a month from 2026-07-16 to 2027-07-15. 2026: Jul 16–31 is 16/31 of a
		// month, then Aug–Dec: 720 × (16/31 + 5) = 3971.6129… → 3971.61. 2027: Jan–Jun,
		// then Jul 1–15 (15/31): 720 × (6 + 15/31) = 4668.3870… → 4668.39.
		LocalDate start = LocalDate.of(2026, 7, 16);
		LocalDate end = LocalDate.of(2027, 7, 15);
		List<ContractVersion> versions = List.of(version(1, start, line(16, "45.00")));
		BigDecimal first = ContractTotals.between(start, end, versions, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31));
		BigDecimal next = ContractTotals.between(start, end, versions, LocalDate.of(2027, 1, 1),
				LocalDate.of(2027, 12, 31));
		assertThat(first).isEqualByComparingTo("3971.61");
		assertThat(next).isEqualByComparingTo("4668.39");
		assertThat(first.add(next))
			.isEqualByComparingTo(ContractTotals.of(start, end, versions, List.of(), end).term());
		assertThat(ContractTotals.between(start, end, versions, LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)))
			.isEqualByComparingTo("0.00");
	}

	@Test
	void anAmendmentWithinTheYearCountsEachVersionOverItsOwnDays() {
		// 720.00 until Jun 30, 360.00 from Jul 1: 2026 from Jan 16 is 6131.61 as the
		// term; the second half alone is 6 × 360.00.
		List<ContractVersion> versions = List.of(version(1, START, line(16, "45.00")),
				version(2, LocalDate.of(2026, 7, 1), line(8, "45.00")));
		assertThat(ContractTotals.between(START, END, versions, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
			.isEqualByComparingTo("6131.61");
		assertThat(ContractTotals.between(START, END, versions, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)))
			.isEqualByComparingTo("2160.00");
	}

	static ContractVersion version(int number, LocalDate from, ContractLine... lines) {
		return new ContractVersion(number, from, null, "x", Instant.now(), List.of(lines));
	}

	static ContractLine line(long quantity, String price) {
		return new ContractLine(UUID.randomUUID(), 1, 1, null, "CLOUD_HOST", "vcpu", "VCPU_MONTH", quantity, quantity,
				new BigDecimal(price), new BigDecimal(price), "T-1");
	}

}
