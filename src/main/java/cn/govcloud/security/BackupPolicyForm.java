package cn.govcloud.security;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A backup policy as the supplier writes it (Art. 16).
 *
 * @param instanceId one instance of the system, or {@code null} for every instance of it
 * @param at the scheduled time of day, {@code HH:mm}, city time
 * @param weekday 1 (Monday) – 7 (Sunday), for a weekly policy
 * @param monthDay 1–28, for a monthly policy
 * @param startsOn the first day runs are expected
 */
public record BackupPolicyForm(UUID systemId, UUID instanceId, String content, BackupFrequency frequency, String at,
		Integer weekday, Integer monthDay, Integer retentionDays, String location, Boolean encrypted,
		LocalDate startsOn) {
}
