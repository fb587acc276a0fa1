package cn.govcloud.termination;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A unit's termination application (Art. 9) and its checklist; the evidence file comes
 * beside it.
 *
 * @param wholeSystem the whole system (every resource) or only {@code instanceIds}
 * @param offlineOn the day the system (or the resources) went offline, not in the future
 * @param dataLocation where the data was migrated or backed up to
 * @param openApplications what happens to the system's open resource applications, if any
 */
record TerminationForm(UUID systemId, Boolean wholeSystem, List<UUID> instanceIds, LocalDate offlineOn,
		DataHandling dataHandling, String dataLocation, OpenApplications openApplications, String note) {

	public TerminationForm {
		instanceIds = (instanceIds != null) ? List.copyOf(instanceIds) : List.of();
		dataLocation = (dataLocation != null && !dataLocation.isBlank()) ? dataLocation.strip() : null;
		note = (note != null && !note.isBlank()) ? note.strip() : null;
	}

	public boolean whole() {
		return !Boolean.FALSE.equals(this.wholeSystem);
	}

}
