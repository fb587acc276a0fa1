package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The outcome of the rules for one instance on one day (Art. 8).
 *
 * @param cpuFigure the mode's figure of the daily CPU p95s (ratio), {@code null} if not
 * measured
 * @param memoryFigure the same for memory
 * @param daysMeasured days of the window with data (the coverage)
 * @param supplierToCheck released for want of any data: the supplier checks the host
 * first
 * @param recommendedSpec the new spec of a downsize or upsize, {@code null} otherwise
 * @param monthlySaving at the prices in force on the day; negative for an upsize
 */
public record Recommendation(Action action, Double cpuFigure, Double memoryFigure, int daysMeasured,
		boolean supplierToCheck, Map<String, Object> recommendedSpec, BigDecimal monthlySaving,
		BigDecimal yearlySaving) {

	static Recommendation without(Action action, Double cpu, Double memory, int days) {
		return new Recommendation(action, cpu, memory, days, false, null, BigDecimal.ZERO.setScale(2),
				BigDecimal.ZERO.setScale(2));
	}

}
