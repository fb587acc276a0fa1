package cn.govcloud.reporting;

import java.time.LocalDate;
import java.util.UUID;

/** A supplier submitted its monthly report to a unit (Art. 12). */
public record ReportSubmitted(UUID reportId, String number, UUID unitId, UUID supplierId, LocalDate month,
		boolean late) {
}
