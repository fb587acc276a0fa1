package cn.govcloud.contract;

import java.util.UUID;

/** The Commission returned a contract submitted for filing, with its reason. */
record ContractReturned(UUID contractId, String number, UUID unitId, String reason) {
}
