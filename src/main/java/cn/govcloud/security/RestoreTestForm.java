package cn.govcloud.security;

import java.time.LocalDate;
import java.util.UUID;

/** A restore test of a policy's backups, as the supplier records it (Art. 16). */
public record RestoreTestForm(UUID policyId, LocalDate testedOn, BackupResult result, String note) {
}
