package cn.govcloud.systems;

import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded version of the document supporting a system's exemption from migration
 * (Art. 3: the law, regulation, government rule or national document that provides
 * otherwise).
 */
record ExemptionDocument(UUID id, UUID systemId, int version, String fileName, String contentType, long sizeBytes,
		String sha256, Instant uploadedAt, String uploadedBy) {
}
