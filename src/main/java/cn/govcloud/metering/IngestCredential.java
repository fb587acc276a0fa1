package cn.govcloud.metering;

import java.time.Instant;
import java.util.UUID;

/**
 * An ingest credential as listed: never its secret.
 *
 * @param prefix the secret's first characters, to recognise it
 */
record IngestCredential(UUID id, UUID supplierId, String label, String prefix, Instant createdAt, Instant revokedAt) {
}
