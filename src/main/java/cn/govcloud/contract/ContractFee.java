package cn.govcloud.contract;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What one filed contract costs in one month (Art. 7: priced per month), for the monthly
 * report (Art. 12).
 *
 * @param amount each version's lines over the days of the month it was in force, within
 * the term, prorated and rounded per line ({@link Proration})
 * @param amendments versions other than the first that took effect in the month
 */
public record ContractFee(UUID contractId, String number, UUID unitId, UUID supplierId, UUID systemId,
		BigDecimal amount, int amendments) {
}
