package cn.govcloud.systems;

import java.time.Instant;
import java.util.UUID;

/** One uploaded version of a system's construction plan (应用系统建设方案, Art. 6). */
record PlanVersion(UUID id, UUID systemId, int version, String fileName, String contentType, long sizeBytes,
		String sha256, Instant uploadedAt, String uploadedBy) {
}
