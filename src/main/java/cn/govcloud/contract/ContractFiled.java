package cn.govcloud.contract;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The Commission filed a contract (Art. 7): the supplier can open the services (work
 * orders come with provisioning).
 */
public record ContractFiled(UUID contractId, String number, UUID unitId, UUID supplierId, UUID systemId,
		LocalDate termStart, LocalDate termEnd) {
}
