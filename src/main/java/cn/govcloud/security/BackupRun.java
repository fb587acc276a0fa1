package cn.govcloud.security;

import java.time.Instant;
import java.util.UUID;

/** A backup run the supplier reported, under the policy covering its instance. */
public record BackupRun(UUID id, UUID policyId, UUID unitId, String unitName, UUID instanceId, String instanceName,
		Instant startedAt, Instant finishedAt, long sizeBytes, BackupResult result) {
}
