package cn.govcloud.security;

import java.time.LocalDate;
import java.util.UUID;

/** A restore test of a policy's backups and its result (Art. 16). */
public record RestoreTest(UUID id, UUID policyId, UUID unitId, String unitName, String systemName, String instanceName,
		LocalDate testedOn, BackupResult result, String note) {
}
