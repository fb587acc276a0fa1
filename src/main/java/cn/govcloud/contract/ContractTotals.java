package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract's totals from its versions and payments. Each version's lines apply from its
 * effective date to the day before the next version's (or the term's end); each line's
 * amount over that period is rounded half-up to the fen once ({@link Proration}), then
 * added up.
 */
final class ContractTotals {

	private ContractTotals() {
	}

	static Totals of(LocalDate termStart, LocalDate termEnd, List<ContractVersion> versions, List<Payment> payments,
			LocalDate today) {
		BigDecimal monthly = versions.isEmpty() ? BigDecimal.ZERO.setScale(2)
				: versions.get(versions.size() - 1)
					.lines()
					.stream()
					.map(ContractLine::monthlyAmount)
					.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		BigDecimal term = amount(termStart, termEnd, versions, termEnd);
		LocalDate accruedTo = today.isAfter(termEnd) ? termEnd : today;
		BigDecimal due = amount(termStart, termEnd, versions, accruedTo);
		BigDecimal paid = payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		return new Totals(monthly, term, due, paid, term.subtract(paid));
	}

	/** What the versions cost from the term's start up to {@code until} (inclusive). */
	private static BigDecimal amount(LocalDate termStart, LocalDate termEnd, List<ContractVersion> versions,
			LocalDate until) {
		return between(termStart, termEnd, versions, termStart, until);
	}

	/**
	 * What the versions cost on the days from {@code first} to {@code last} (both
	 * included) that lie within the term: the same proration, per line rounded once, as
	 * the term's total (Art. 18 budgets a year of a contract with it).
	 */
	static BigDecimal between(LocalDate termStart, LocalDate termEnd, List<ContractVersion> versions, LocalDate first,
			LocalDate last) {
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		for (int i = 0; i < versions.size(); i++) {
			ContractVersion version = versions.get(i);
			LocalDate from = version.effectiveFrom().isBefore(termStart) ? termStart : version.effectiveFrom();
			LocalDate to = (i + 1 < versions.size()) ? versions.get(i + 1).effectiveFrom().minusDays(1) : termEnd;
			if (from.isBefore(first)) {
				from = first;
			}
			if (to.isAfter(last)) {
				to = last;
			}
			for (ContractLine line : version.lines()) {
				total = total.add(Proration.over(line.monthlyAmount(), from, to));
			}
		}
		return total;
	}

}
