package cn.govcloud.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A service contract as its readers see it: the current version's lines, every version,
 * payments and totals.
 *
 * @param number GovCloud's number, e.g. {@code HT2026-000007}
 * @param contractCode the contract's own number, as signed
 */
record Contract(UUID id, String number, String contractCode, UUID unitId, String unitName, UUID supplierId,
		String supplierName, UUID systemId, String systemName, UUID applicationId, String applicationNumber,
		ContractStatus status, LocalDate termStart, LocalDate termEnd, LocalDate signedOn, int version,
		boolean signedDocument, String createdBy, Instant createdAt, Instant submittedAt, Instant decidedAt,
		String decidedBy, String returnReason, List<ContractLine> lines, List<ContractVersion> versions,
		List<Payment> payments, Totals totals) {

	public Contract {
		lines = List.copyOf(lines);
		versions = List.copyOf(versions);
		payments = List.copyOf(payments);
	}

}
