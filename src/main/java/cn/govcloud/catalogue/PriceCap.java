package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A tender unit price in force (Art. 7: contract prices may not be higher).
 *
 * @param dimension the billed spec field of the kind (e.g. {@code vcpu}) or
 * {@code instance}
 */
public record PriceCap(UUID priceListId, String tenderNumber, String kind, String dimension, BillingUnit billingUnit,
		BigDecimal unitPrice, LocalDate effectiveFrom, LocalDate effectiveTo) {
}
