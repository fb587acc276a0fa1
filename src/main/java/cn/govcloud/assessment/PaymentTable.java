package cn.govcloud.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * The score → payment ratio table the Commission configures (Art. 19: the score sets the
 * yearly payment and whether the contract continues). The bands cover 0–100 without gap
 * or overlap: a score belongs to the band whose minimum it reaches and whose maximum it
 * stays below (the top band includes 100).
 */
public record PaymentTable(List<Band> bands) {

	/** ≥ 90 → 100 %, 80–90 → 95 %, 70–80 → 90 %, below 70 → 80 % and do not continue. */
	public static final PaymentTable DEFAULT = new PaymentTable(List.of(new Band(90, 100, 100, true),
			new Band(80, 90, 95, true), new Band(70, 80, 90, true), new Band(0, 70, 80, false)));

	public PaymentTable {
		bands = bands.stream().sorted(Comparator.comparingDouble(Band::minScore).reversed()).toList();
		if (bands.isEmpty() || bands.get(0).maxScore() != 100 || bands.get(bands.size() - 1).minScore() != 0) {
			throw new IllegalArgumentException("The bands must cover 0 to 100");
		}
		for (int i = 1; i < bands.size(); i++) {
			if (bands.get(i).maxScore() != bands.get(i - 1).minScore()) {
				throw new IllegalArgumentException("The bands must neither overlap nor leave a gap");
			}
		}
	}

	public Band bandOf(double score) {
		return this.bands.stream().filter((band) -> score >= band.minScore()).findFirst().orElseThrow();
	}

	/**
	 * A contract's yearly payment due: its total for the year × the ratio, to the fen.
	 */
	public BigDecimal due(BigDecimal yearlyTotal, double score) {
		return dueAtRatio(yearlyTotal, bandOf(score).ratioPercent());
	}

	/** {@code yearlyTotal} × {@code ratioPercent} %, to the fen. */
	public static BigDecimal dueAtRatio(BigDecimal yearlyTotal, int ratioPercent) {
		return yearlyTotal.multiply(BigDecimal.valueOf(ratioPercent))
			.movePointLeft(2)
			.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * @param minScore the lowest score of the band
	 * @param maxScore the score the band stays below (100: up to and including 100)
	 * @param ratioPercent the share of the contract's yearly total paid
	 * @param continues whether the contract is recommended to continue
	 */
	public record Band(double minScore, double maxScore, int ratioPercent, boolean continues) {
	}

}
