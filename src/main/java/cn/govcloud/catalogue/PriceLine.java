package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A line of a recorded tender price list.
 *
 * @param effectiveTo the last day in force, {@code null} for open-ended
 * @param awardedTo the last day as awarded, when a later list has cut the line short
 * ({@code null} = it was open-ended)
 * @param supersededBy the list that cut it short, or {@code null}
 */
record PriceLine(UUID id, String kind, String dimension, BillingUnit billingUnit, BigDecimal unitPrice,
		LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate awardedTo, PriceList.Ref supersededBy) {

	public boolean cutShort() {
		return this.supersededBy != null;
	}

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(this.effectiveFrom) && (this.effectiveTo == null || !day.isAfter(this.effectiveTo));
	}

}
