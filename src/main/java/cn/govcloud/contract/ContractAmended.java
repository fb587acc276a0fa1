package cn.govcloud.contract;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A filed contract has a new version from {@code effectiveFrom}: provisioning opens what
 * it adds, and reclaims what it removes.
 *
 * @param byReclaim the amendment records a reclaim that already happened (Art. 9), so
 * nothing is to be opened or reclaimed for it
 */
public record ContractAmended(UUID contractId, int version, LocalDate effectiveFrom, boolean byReclaim) {
}
