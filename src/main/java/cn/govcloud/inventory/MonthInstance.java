package cn.govcloud.inventory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An instance that ran for at least a day of a month, for the monthly report (Art. 12).
 *
 * @param spec the stored spec (JSON; read it with {@code catalogue.SpecJson})
 * @param reclaimedOn {@code null} while it runs
 */
public record MonthInstance(UUID id, String name, UUID unitId, UUID supplierId, UUID systemId, String systemName,
		String kind, String spec, LocalDate activeFrom, LocalDate reclaimedOn) {
}
