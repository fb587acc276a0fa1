package cn.govcloud.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One version of a contract: the first, or an amendment effective from a date. */
record ContractVersion(int version, LocalDate effectiveFrom, String reason, String createdBy, Instant createdAt,
		List<ContractLine> lines) {

	public ContractVersion {
		lines = List.copyOf(lines);
	}

}
