package cn.govcloud.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A supplier's assessment of a year (Art. 19): the score with its drill-down, the payment
 * ratio and recommendation it sets, and each contract's payment due for the year; once
 * issued, where it stands (objection, final decision) and its history.
 *
 * @param rulesVersion 0: the default rules (the Commission has configured none); once
 * final, the version it was scored with
 * @param ratioPercent null without a score
 * @param continues the recommendation; null without a score
 * @param issued null while the Commission has not issued it
 * @param records the records behind each indicator with data, by source
 * @param payments the payment table the ratio comes from
 */
public record SupplierAssessment(int year, UUID supplierId, String supplierName, int rulesVersion, ScoreCard score,
		Integer ratioPercent, Boolean continues, List<ContractDue> contracts, AssessmentRecord issued,
		List<StoredAdjustment> adjustments, Map<String, Drilldown> records, List<AssessmentStore.History> history,
		PaymentTable payments) {

	public SupplierAssessment {
		contracts = List.copyOf(contracts);
		adjustments = List.copyOf(adjustments);
		records = Map.copyOf(records);
		history = List.copyOf(history);
	}

	/** Whether the score, its rules and ratio are fixed. */
	public boolean isFinalised() {
		return this.issued != null && this.issued.status() == AssessmentStatus.FINAL;
	}

	/**
	 * @param fees the contract's fees in the year, prorated by days
	 * @param due fees × the payment ratio, to the fen; null without a score
	 */
	public record ContractDue(String number, UUID unitId, BigDecimal fees, BigDecimal due) {
	}

}
