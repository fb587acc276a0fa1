package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One contract of a carried-out release order (Art. 8): the version it was amended to
 * from {@code from}, the monthly amount billed before and after, and the supplier's work
 * orders (either may be {@code null}).
 */
public record CarriedOut(UUID contractId, String contractNumber, int version, LocalDate from, BigDecimal billedBefore,
		BigDecimal billedAfter, UUID reclaimOrderId, UUID resizeOrderId) {

	/** The realised saving per month: billed before less billed after. */
	public BigDecimal monthlySaving() {
		return this.billedBefore.subtract(this.billedAfter);
	}

	public BigDecimal yearlySaving() {
		return monthlySaving().multiply(BigDecimal.valueOf(12));
	}

}
