package cn.govcloud.security;

import java.time.Instant;

/**
 * One backup run as the supplier reports it (Art. 16).
 *
 * @param instance the instance's id or its inventory name
 */
public record BackupRunForm(String instance, Instant startedAt, Instant finishedAt, Long sizeBytes,
		BackupResult result) {
}
