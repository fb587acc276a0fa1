package cn.govcloud.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A contract in a list. */
record ContractSummary(UUID id, String number, String contractCode, String unitName, String supplierName,
		String systemName, ContractStatus status, LocalDate termStart, LocalDate termEnd, Instant submittedAt) {
}
