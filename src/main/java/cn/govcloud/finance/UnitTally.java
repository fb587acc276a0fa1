package cn.govcloud.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.govcloud.contract.ContractYear;
import cn.govcloud.finance.UnitBudget.ContractTotal;
import cn.govcloud.finance.UnitBudget.KindHolding;
import cn.govcloud.inventory.HeldInstances;
import cn.govcloud.metering.UnitUtilisation;
import cn.govcloud.request.ApprovedKind;

/**
 * Adds up one unit's figures (or the city's) from what the other modules answer, then
 * gives its {@link UnitBudget}.
 */
final class UnitTally {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final UUID unitId;

	private final String unitName;

	/** approved, contracted, provisioned per kind. */
	private final Map<String, long[]> kinds = new TreeMap<>();

	private final long[] vcpus = new long[3];

	private BigDecimal fees = ZERO;

	private BigDecimal paid = ZERO;

	private BigDecimal committed = ZERO;

	private BigDecimal previousFees = ZERO;

	private final Usage cpu = new Usage();

	private final Usage memory = new Usage();

	private final List<ContractTotal> contracts = new ArrayList<>();

	UnitTally(UUID unitId, String unitName) {
		this.unitId = unitId;
		this.unitName = unitName;
	}

	void approved(ApprovedKind approved) {
		kind(approved.kind())[0] += approved.quantity();
		this.vcpus[0] += approved.vcpus();
	}

	void contracted(ContractYear contract, String supplierName) {
		contract.contractedByKind().forEach((kind, quantity) -> kind(kind)[1] += quantity);
		this.vcpus[1] += contract.contractedVcpus();
		this.fees = this.fees.add(contract.fees());
		this.paid = this.paid.add(contract.paid());
		this.committed = this.committed.add(contract.committedNextYear());
		this.contracts.add(new ContractTotal(contract.number(), supplierName, contract.termStart(), contract.termEnd(),
				contract.fees(), contract.paid(), contract.outstanding(), contract.committedNextYear()));
	}

	void previous(ContractYear contract) {
		this.previousFees = this.previousFees.add(contract.fees());
	}

	void provisioned(HeldInstances held) {
		kind(held.kind())[2] += held.count();
		this.vcpus[2] += held.vcpus();
	}

	void used(UnitUtilisation measured) {
		(switch (measured.metric()) {
			case CPU -> this.cpu;
			case MEMORY -> this.memory;
			default -> throw new IllegalArgumentException("Not budgeted: " + measured.metric());
		}).add(measured);
	}

	UnitBudget budget() {
		List<KindHolding> holdings = new ArrayList<>();
		this.kinds.forEach((kind, held) -> holdings.add(new KindHolding(kind, held[0], held[1], held[2])));
		return new UnitBudget(this.unitId, this.unitName, holdings, this.vcpus[0], this.vcpus[1], this.vcpus[2],
				this.fees, this.paid, this.fees.subtract(this.paid), this.committed, this.previousFees,
				BudgetMath.change(this.fees, this.previousFees), this.cpu.avg(), this.cpu.p95(), this.memory.avg(),
				this.memory.p95(), BudgetMath.perUsedVcpu(this.fees, this.vcpus[2], this.cpu.avg()), this.contracts);
	}

	boolean isEmpty() {
		return this.kinds.isEmpty() && this.contracts.isEmpty() && this.previousFees.signum() == 0
				&& this.cpu.samples == 0;
	}

	private long[] kind(String kind) {
		return this.kinds.computeIfAbsent(kind, (k) -> new long[3]);
	}

	/** Utilisation added up over hosts, each weighted by its samples. */
	private static final class Usage {

		private double avg;

		private double p95;

		private long samples;

		void add(UnitUtilisation measured) {
			this.avg += measured.avg() * measured.samples();
			this.p95 += measured.p95() * measured.samples();
			this.samples += measured.samples();
		}

		Double avg() {
			return (this.samples == 0) ? null : BudgetMath.percent(this.avg / this.samples);
		}

		Double p95() {
			return (this.samples == 0) ? null : BudgetMath.percent(this.p95 / this.samples);
		}

	}

}
