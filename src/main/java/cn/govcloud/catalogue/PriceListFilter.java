package cn.govcloud.catalogue;

import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.shared.Text;

/**
 * Which price lists to show; every part optional.
 *
 * @param kind lists with a price for this kind
 * @param inForceOn lists with a price in force on that day (of {@code kind}, when given)
 */
record PriceListFilter(UUID supplierId, String kind, LocalDate inForceOn) {

	public PriceListFilter {
		kind = Text.stripToNull(kind);
	}

}
