package cn.govcloud.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A recorded tender price list with its lines (Art. 5). Kept forever: a later list may
 * supersede it, cutting its prices short, but it is never deleted.
 *
 * @param createdBy who recorded it, {@code null} for demo data
 * @param supersedes the earlier list this one supersedes, or {@code null}
 * @param supersededBy the later lists that supersede this one
 */
record PriceList(UUID id, UUID supplierId, String supplierName, String tenderNumber, LocalDate awardedOn, String note,
		String createdBy, Instant createdAt, Ref supersedes, List<Ref> supersededBy, List<PriceLine> lines) {

	public PriceList {
		supersededBy = List.copyOf(supersededBy);
		lines = List.copyOf(lines);
	}

	/** Another list, by id and tender number. */
	public record Ref(UUID id, String tenderNumber) {
	}

}
