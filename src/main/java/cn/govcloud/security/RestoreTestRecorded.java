package cn.govcloud.security;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A restore test was recorded (Art. 16): the obligation calendar counts it for the
 * quarter holding {@code testedOn}.
 */
public record RestoreTestRecorded(UUID testId, UUID supplierId, UUID unitId, LocalDate testedOn, BackupResult result,
		String systemName) {
}
