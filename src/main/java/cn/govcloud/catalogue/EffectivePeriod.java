package cn.govcloud.catalogue;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The days a tender unit price is in force: from its first day to its last, both
 * inclusive; no last day means open-ended. Two prices of one supplier for one billed item
 * may never share a day (Art. 5); touching periods ({@code [Jan 1, Jun 30]} and
 * {@code [Jul 1, …]}) share none.
 *
 * @param to the last day in force, or {@code null} for open-ended
 */
record EffectivePeriod(LocalDate from, LocalDate to) {

	boolean openEnded() {
		return this.to == null;
	}

	boolean contains(LocalDate day) {
		return !day.isBefore(this.from) && (this.to == null || !day.isAfter(this.to));
	}

	boolean overlaps(EffectivePeriod other) {
		return !this.from.isAfter(other.lastDay()) && !other.from.isAfter(lastDay());
	}

	/** The days both periods share, if any. */
	Optional<EffectivePeriod> overlap(EffectivePeriod other) {
		if (!overlaps(other)) {
			return Optional.empty();
		}
		LocalDate start = this.from.isAfter(other.from) ? this.from : other.from;
		LocalDate end = lastDay().isBefore(other.lastDay()) ? lastDay() : other.lastDay();
		return Optional.of(new EffectivePeriod(start, end.equals(LocalDate.MAX) ? null : end));
	}

	/** The same start, ending the day before {@code day}. */
	EffectivePeriod endingBefore(LocalDate day) {
		return new EffectivePeriod(this.from, day.minusDays(1));
	}

	/**
	 * The last day as a message argument: the date, or "open-ended" in the reader's
	 * language.
	 */
	Object end() {
		return (this.to != null) ? this.to
				: new DefaultMessageSourceResolvable(new String[] { "price.openEnded" }, null, "open-ended");
	}

	private LocalDate lastDay() {
		return (this.to != null) ? this.to : LocalDate.MAX;
	}

}
