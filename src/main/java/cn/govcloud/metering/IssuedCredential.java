package cn.govcloud.metering;

import java.util.UUID;

/** A new ingest credential with its secret token, shown this once. */
record IssuedCredential(UUID id, UUID supplierId, String label, String token) {
}
