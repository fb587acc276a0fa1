package cn.govcloud.security;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A backup policy of a system or one of its instances (Art. 16): what is backed up, when,
 * how long it is kept, where, and whether encrypted.
 *
 * @param instanceId {@code null}: every instance of the system
 */
public record BackupPolicy(UUID id, UUID unitId, String unitName, UUID supplierId, String supplierName, UUID systemId,
		String systemName, UUID instanceId, String instanceName, String content, BackupSchedule schedule,
		int retentionDays, String location, boolean encrypted, Instant createdAt) {

	@JsonProperty("frequency")
	public BackupFrequency frequency() {
		return this.schedule.frequency();
	}

}
