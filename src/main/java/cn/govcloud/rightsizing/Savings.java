package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.govcloud.inventory.SizedInstance;

/**
 * The monthly saving of a new size: per billed dimension, the billing units given up
 * times the unit price in force on the day — the unit's contract price, the tender cap
 * (Art. 7) only where the contract has none. Negative for an upsize (it costs more).
 */
final class Savings {

	private Savings() {
	}

	/**
	 * @param after the new spec, or {@code null} for a release (every unit given up)
	 */
	static BigDecimal monthly(Map<String, Object> before, Map<String, Object> after, List<BilledPrice> prices,
			LocalDate on) {
		return monthly(before, after, inForce(prices, on));
	}

	/** The price in force on the day of each priced dimension, by dimension. */
	static Map<String, BigDecimal> inForce(List<BilledPrice> prices, LocalDate on) {
		Map<String, BigDecimal> found = new java.util.TreeMap<>();
		for (String dimension : prices.stream().map(BilledPrice::dimension).distinct().toList()) {
			inForce(prices, dimension, on).ifPresent((price) -> found.put(dimension, price.unitPrice()));
		}
		return found;
	}

	/**
	 * The monthly saving of a new spec at prices already chosen (a modified order line).
	 */
	static BigDecimal monthly(Map<String, Object> before, Map<String, Object> after, Map<String, BigDecimal> prices) {
		BigDecimal total = BigDecimal.ZERO;
		for (Map.Entry<String, BigDecimal> price : prices.entrySet()) {
			long given = units(before, price.getKey()) - ((after != null) ? units(after, price.getKey()) : 0);
			total = total.add(price.getValue().multiply(BigDecimal.valueOf(given)));
		}
		return total.setScale(2, RoundingMode.HALF_UP);
	}

	static BigDecimal yearly(BigDecimal monthly) {
		return monthly.multiply(BigDecimal.valueOf(12)).setScale(2, RoundingMode.HALF_UP);
	}

	/** The contract's price in force on the day, else the tender cap in force. */
	static Optional<BilledPrice> inForce(List<BilledPrice> prices, String dimension, LocalDate on) {
		return prices.stream()
			.filter((p) -> p.dimension().equals(dimension) && p.inForceOn(on))
			.max(Comparator.comparing(BilledPrice::contract).thenComparing(BilledPrice::effectiveFrom));
	}

	private static long units(Map<String, Object> spec, String dimension) {
		return SizedInstance.billingUnits(spec, dimension);
	}

}
