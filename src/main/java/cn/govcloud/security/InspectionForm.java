package cn.govcloud.security;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An inspection as the Commission records it (Art. 14): a system's unit is in scope with
 * it.
 */
public record InspectionForm(String title, InspectedBy inspectedBy, String thirdParty, Integer protectionLevel,
		LocalDate startsOn, LocalDate endsOn, String inspectors, List<UUID> unitIds, List<UUID> systemIds) {
}
