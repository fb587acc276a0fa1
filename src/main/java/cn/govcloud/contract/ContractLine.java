package cn.govcloud.contract;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One priced line of a contract version: a billed dimension of an approved resource (e.g.
 * the vCPUs of two approved hosts), its quantity of billing units, the agreed unit price
 * and the tender cap it was checked against (Art. 7).
 *
 * @param approvedQuantity the billing units the approval allows (approved quantity × spec
 * value)
 */
public record ContractLine(UUID id, int version, int position, UUID applicationLineId, String kind, String dimension,
		String billingUnit, long quantity, long approvedQuantity, BigDecimal unitPrice, BigDecimal capPrice,
		String tenderNumber) {

	/** Quantity × unit price, rounded half-up to the fen. */
	public BigDecimal monthlyAmount() {
		return Proration.monthly(this.quantity, this.unitPrice);
	}

}
