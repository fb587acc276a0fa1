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
		BigDecimal total = BigDecimal.ZERO;
		for (String dimension : prices.stream().map(BilledPrice::dimension).distinct().toList()) {
			Optional<BilledPrice> price = inForce(prices, dimension, on);
			if (price.isPresent()) {
				long given = units(before, dimension) - ((after != null) ? units(after, dimension) : 0);
				total = total.add(price.get().unitPrice().multiply(BigDecimal.valueOf(given)));
			}
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
