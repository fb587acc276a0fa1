package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The city's rightsizing savings (Art. 8), per unit and month: potential (the latest open
 * recommendations, in no order) and realised (the contracts amended by carried-out
 * release orders: billed before less billed after, prorated over each month from the
 * amendment's date).
 *
 * @param months the months shown, oldest first, ending with the current one
 * @param realisedByMonth the city's realised saving in each of {@code months}
 */
public record CitySavings(List<YearMonth> months, List<UnitSavings> units, int openRecommendations,
		BigDecimal potentialMonthly, BigDecimal realisedMonthly, List<BigDecimal> realisedByMonth) {

	public CitySavings {
		months = List.copyOf(months);
		units = List.copyOf(units);
		realisedByMonth = List.copyOf(realisedByMonth);
	}

	public BigDecimal potentialYearly() {
		return this.potentialMonthly.multiply(BigDecimal.valueOf(12));
	}

	public BigDecimal realisedYearly() {
		return this.realisedMonthly.multiply(BigDecimal.valueOf(12));
	}

	/**
	 * One unit's savings.
	 *
	 * @param realisedMonthly the monthly saving of the amendments in force now
	 * @param realisedByMonth the realised saving in each of the city's months
	 */
	public record UnitSavings(UUID unitId, String unitName, int openRecommendations, BigDecimal potentialMonthly,
			BigDecimal realisedMonthly, List<BigDecimal> realisedByMonth) {

		public UnitSavings {
			realisedByMonth = List.copyOf(realisedByMonth);
		}

	}

}
