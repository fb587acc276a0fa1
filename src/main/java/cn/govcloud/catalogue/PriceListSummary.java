package cn.govcloud.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A price list in a list of them.
 *
 * @param superseded whether a later list supersedes it
 */
record PriceListSummary(UUID id, UUID supplierId, String supplierName, String tenderNumber, LocalDate awardedOn,
		String note, Instant createdAt, int lines, boolean superseded) {
}
