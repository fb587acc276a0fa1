package cn.govcloud.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * The score → payment ratio table the Commission configures (Art. 19: the score sets the
 * yearly payment and whether the contract continues). A score belongs to the highest band
 * whose minimum it reaches.
 */
public record PaymentTable(List<Band> bands) {

	/** ≥ 90 → 100 %, 80–90 → 95 %, 70–80 → 90 %, below 70 → 80 % and do not continue. */
	public static final PaymentTable DEFAULT = new PaymentTable(
			List.of(new Band(90, 100, true), new Band(80, 95, true), new Band(70, 90, true), new Band(0, 80, false)));

	public PaymentTable {
		bands = bands.stream().sorted(Comparator.comparingDouble(Band::minScore).reversed()).toList();
		if (bands.isEmpty() || bands.get(bands.size() - 1).minScore() != 0) {
			throw new IllegalArgumentException("The lowest band must start at 0");
		}
	}

	public Band bandOf(double score) {
		return this.bands.stream().filter((band) -> score >= band.minScore()).findFirst().orElseThrow();
	}

	/**
	 * A contract's yearly payment due: its total for the year × the ratio, to the fen.
	 */
	public BigDecimal due(BigDecimal yearlyTotal, double score) {
		return yearlyTotal.multiply(BigDecimal.valueOf(bandOf(score).ratioPercent()))
			.movePointLeft(2)
			.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * @param minScore the lowest score of the band
	 * @param ratioPercent the share of the contract's yearly total paid
	 * @param continues whether the contract is recommended to continue
	 */
	public record Band(double minScore, int ratioPercent, boolean continues) {
	}

}
