package cn.govcloud.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One unit's budget basis for a year (Art. 18), or the city's ({@code unitId} null):
 * aggregates and contract totals only. A figure with no data is {@code null}, never zero.
 *
 * @param holdings resources held per kind: approved, contracted, provisioned
 * @param fees the contracted fees of the year, prorated by days
 * @param paid what was paid for the year
 * @param outstanding fees less paid (negative when paid ahead)
 * @param committedNextYear what the contracts running into next year cost in it
 * @param previousFees the contracted fees of the year before
 * @param feesChange fees against the year before, in per cent; null without fees then
 * @param cpuAvg average CPU utilisation of the unit's hosts, per cent
 * @param cpuP95 the hosts' p95 CPU utilisation, averaged, per cent
 * @param feesPerUsedVcpu fees ÷ (provisioned vCPUs × average CPU utilisation)
 */
public record UnitBudget(UUID unitId, String unitName, List<KindHolding> holdings, long approvedVcpus,
		long contractedVcpus, long provisionedVcpus, BigDecimal fees, BigDecimal paid, BigDecimal outstanding,
		BigDecimal committedNextYear, BigDecimal previousFees, Double feesChange, Double cpuAvg, Double cpuP95,
		Double memoryAvg, Double memoryP95, BigDecimal feesPerUsedVcpu, List<ContractTotal> contracts) {

	public UnitBudget {
		holdings = List.copyOf(holdings);
		contracts = List.copyOf(contracts);
	}

	/** Resources of one kind a unit holds. */
	public record KindHolding(String kind, long approved, long contracted, long provisioned) {
	}

	/** One contract's totals in the year: no lines, prices or documents. */
	public record ContractTotal(String number, String supplierName, LocalDate termStart, LocalDate termEnd,
			BigDecimal fees, BigDecimal paid, BigDecimal outstanding, BigDecimal committedNextYear) {
	}

}
