package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A unit price of one billed dimension of an instance's kind (e.g. {@code vcpu} per
 * vCPU·month, {@code instance} per instance·month) and the days it is in force.
 *
 * @param effectiveTo the last day in force, {@code null} for open-ended
 * @param contract whether it is the unit's contract price; else the tender cap (Art. 7),
 * used only when the contract has none
 */
public record BilledPrice(String dimension, BigDecimal unitPrice, LocalDate effectiveFrom, LocalDate effectiveTo,
		boolean contract) {

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(this.effectiveFrom) && (this.effectiveTo == null || !day.isAfter(this.effectiveTo));
	}

}
