package cn.govcloud.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A supplier's draft assessment of a year (Art. 19): the score with its drill-down, the
 * payment ratio and recommendation it sets, and each contract's payment due for the year.
 *
 * @param rulesVersion 0: the default rules (the Commission has configured none)
 * @param ratioPercent null without a score
 * @param continues the recommendation; null without a score
 */
public record SupplierAssessment(int year, UUID supplierId, String supplierName, int rulesVersion, ScoreCard score,
		Integer ratioPercent, Boolean continues, List<ContractDue> contracts) {

	public SupplierAssessment {
		contracts = List.copyOf(contracts);
	}

	/**
	 * @param fees the contract's fees in the year, prorated by days
	 * @param due fees × the payment ratio, to the fen; null without a score
	 */
	public record ContractDue(String number, UUID unitId, BigDecimal fees, BigDecimal due) {
	}

}
