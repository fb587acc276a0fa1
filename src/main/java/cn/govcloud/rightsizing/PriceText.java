package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unit prices by dimension stored as JSON text values ("0.60"), not numbers: the spec
 * reader turns JSON numbers into whole numbers, which would drop the fen.
 */
final class PriceText {

	private PriceText() {
	}

	static Map<String, Object> write(Map<String, BigDecimal> prices) {
		Map<String, Object> text = new LinkedHashMap<>();
		prices.forEach((dimension, price) -> text.put(dimension, price.toPlainString()));
		return text;
	}

	static Map<String, BigDecimal> read(Map<String, Object> stored) {
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		stored.forEach((dimension, price) -> prices.put(dimension, new BigDecimal(price.toString())));
		return prices;
	}

}
