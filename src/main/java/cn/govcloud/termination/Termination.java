package cn.govcloud.termination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A termination application as its readers see it.
 *
 * @param number e.g. {@code ZZ2026-000003}
 * @param instanceIds the instances named (a termination of selected resources)
 * @param withdrawn the numbers of the open applications withdrawn with it
 * @param approvedOn the approval day in city time: no reclaim date before it
 * @param reclaimedOn the last reclaim date, once everything is reclaimed
 */
public record Termination(UUID id, String number, UUID unitId, String unitName, UUID systemId, String systemName,
		boolean wholeSystem, List<UUID> instanceIds, LocalDate offlineOn, DataHandling dataHandling,
		String dataLocation, int evidenceVersion, OpenApplications openApplications, String withdrawn, String note,
		TerminationStatus status, String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt,
		LocalDate approvedOn, String returnReason, LocalDate reclaimedOn) {

	public Termination {
		instanceIds = List.copyOf(instanceIds);
	}

}
