package cn.govcloud.security;

import java.util.UUID;

/**
 * A unit's backups by one supplier in a month (Art. 16), for the monthly report: the
 * scheduled periods judged so far and how they went, and the restore tests.
 *
 * @param policies the instances under a backup policy
 * @param expected periods over by now
 */
public record BackupSummary(UUID unitId, UUID supplierId, int policies, int expected, int met, int failed, int missed,
		int restoreTests, int restoreTestsFailed) {
}
