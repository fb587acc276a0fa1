package cn.govcloud.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contract as other modules act on it (inventory's work orders and consistency check):
 * its parties, status and term, and every version's start and lines.
 *
 * @param version the version in force now
 * @param versionStarts each version's first day, by version
 * @param lines the lines of every version, by version and position
 */
public record ContractOutline(UUID id, String number, UUID unitId, UUID supplierId, UUID systemId,
		ContractStatus status, LocalDate termEnd, int version, Map<Integer, LocalDate> versionStarts,
		List<ContractLine> lines) {

	public ContractOutline {
		versionStarts = Map.copyOf(versionStarts);
		lines = List.copyOf(lines);
	}

	/** The lines of one version, by position. */
	public List<ContractLine> lines(int ofVersion) {
		return this.lines.stream().filter((line) -> line.version() == ofVersion).toList();
	}

	/** The lines in force now. */
	public List<ContractLine> currentLines() {
		return lines(this.version);
	}

	/** The latest version started on or before {@code day}; the first when none did. */
	public int versionOn(LocalDate day) {
		return this.versionStarts.entrySet()
			.stream()
			.filter((start) -> !start.getValue().isAfter(day))
			.mapToInt(Map.Entry::getKey)
			.max()
			.orElse(1);
	}

}
