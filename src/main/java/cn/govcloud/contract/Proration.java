package cn.govcloud.contract;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How much a monthly amount costs over a period (Art. 7 contracts are priced per month):
 * whole calendar months at the monthly amount, a partial month in proportion to its days.
 * The rounding rule, written down once: <strong>each line's amount for a period is
 * computed exactly, then rounded half-up to the fen (0.01 CNY); totals add the rounded
 * line amounts.</strong>
 */
final class Proration {

	private static final MathContext EXACT = MathContext.DECIMAL128;

	private Proration() {
	}

	/**
	 * The monthly amount of a line: quantity × unit price, rounded half-up to the fen.
	 */
	static BigDecimal monthly(long quantity, BigDecimal unitPrice) {
		return fen(unitPrice.multiply(BigDecimal.valueOf(quantity), EXACT));
	}

	/**
	 * What {@code monthlyAmount} costs from {@code from} to {@code to}, both days
	 * included, rounded half-up to the fen. Zero when the period is empty.
	 */
	static BigDecimal over(BigDecimal monthlyAmount, LocalDate from, LocalDate to) {
		return fen(exactly(monthlyAmount, from, to));
	}

	/** The exact (unrounded) amount; callers round once, per line. */
	static BigDecimal exactly(BigDecimal monthlyAmount, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return BigDecimal.ZERO;
		}
		BigDecimal total = BigDecimal.ZERO;
		YearMonth month = YearMonth.from(from);
		YearMonth last = YearMonth.from(to);
		while (!month.isAfter(last)) {
			LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
			LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
			int days = end.getDayOfMonth() - start.getDayOfMonth() + 1;
			BigDecimal share = (days == month.lengthOfMonth()) ? BigDecimal.ONE
					: BigDecimal.valueOf(days).divide(BigDecimal.valueOf(month.lengthOfMonth()), EXACT);
			total = total.add(monthlyAmount.multiply(share, EXACT), EXACT);
			month = month.plusMonths(1);
		}
		return total;
	}

	static BigDecimal fen(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
