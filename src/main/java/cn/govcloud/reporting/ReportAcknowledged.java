package cn.govcloud.reporting;

import java.time.LocalDate;
import java.util.UUID;

/** A unit acknowledged a monthly report it received (Art. 12). */
public record ReportAcknowledged(UUID reportId, String number, UUID unitId, UUID supplierId, LocalDate month) {
}
