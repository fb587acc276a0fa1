package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import cn.govcloud.inventory.SizedInstance;

/**
 * One computed recommendation as it is written: the instance, the day, the mode, and the
 * unit prices in force it was saved at (a modified order line is saved at them too).
 */
record StoredRecommendation(SizedInstance instance, LocalDate computedOn, Mode mode, Recommendation outcome,
		Map<String, BigDecimal> unitPrices) {
}
