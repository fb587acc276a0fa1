package cn.govcloud.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded tender price list with its lines. */
public record PriceList(UUID id, UUID supplierId, String supplierName, String tenderNumber, LocalDate awardedOn,
		String note, Instant createdAt, List<PriceCap> lines) {

	public PriceList {
		lines = List.copyOf(lines);
	}

}
