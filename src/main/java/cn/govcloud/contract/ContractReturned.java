package cn.govcloud.contract;

import java.util.UUID;

/** The Commission returned a contract submitted for filing, with its reason. */
public record ContractReturned(UUID contractId, String number, UUID unitId, String reason) {
}
