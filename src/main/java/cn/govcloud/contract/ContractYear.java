package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A filed contract's money in one calendar year, for the finance bureau's budget (Art.
 * 18): totals only, no lines, prices or documents.
 *
 * @param fees what the contract costs on its days within the year, every version over its
 * own period, prorated by days as the contract's own totals are
 * @param paid the payments made for the year (those whose period starts in it)
 * @param outstanding fees less paid (negative when paid ahead)
 * @param committedNextYear what the contract costs on its days within the following year:
 * money already committed before the next budget round
 * @param contractedByKind the instances contracted per resource kind by the version in
 * force on the year's last day of the term
 * @param contractedVcpus the vCPUs contracted by that version
 */
public record ContractYear(UUID contractId, String number, UUID unitId, UUID supplierId, LocalDate termStart,
		LocalDate termEnd, BigDecimal fees, BigDecimal paid, BigDecimal outstanding, BigDecimal committedNextYear,
		Map<String, Long> contractedByKind, long contractedVcpus) {

	public ContractYear {
		contractedByKind = Map.copyOf(contractedByKind);
	}

}
