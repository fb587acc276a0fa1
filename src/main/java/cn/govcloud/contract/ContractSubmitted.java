package cn.govcloud.contract;

import java.util.UUID;

/** A unit submitted a signed contract for filing: it waits on the Commission. */
record ContractSubmitted(UUID contractId, String number, String unitName) {
}
