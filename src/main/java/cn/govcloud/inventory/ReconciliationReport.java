package cn.govcloud.inventory;

import java.util.List;
import java.util.UUID;

/**
 * A supplier's own list against GovCloud's inventory of that supplier (PRODUCT C6),
 * matched by the instance id in the supplier's cloud. Nothing of the list is stored.
 *
 * @param listed how many instances the list holds
 * @param onlyInList in the supplier's list but not in GovCloud
 * @param onlyInGovCloud in GovCloud (not reclaimed) but not in the list
 * @param mismatched in both, with a different spec (vCPUs, memory, disk) or IP address
 */
record ReconciliationReport(UUID supplierId, int listed, List<ListedInstance> onlyInList, List<Known> onlyInGovCloud,
		List<Mismatch> mismatched) {

	/** An instance as GovCloud knows it. */
	public record Known(UUID id, String cloudInstanceId, String name, String systemName, List<String> ipAddresses,
			InstanceState state) {
	}

	/** An instance in both, and where the two disagree. */
	public record Mismatch(int row, String cloudInstanceId, String name, List<Difference> differences) {
	}

	/**
	 * One disagreement.
	 *
	 * @param field {@code vcpu}, {@code memory_gib}, {@code disk_gib} or {@code ip}
	 */
	public record Difference(String field, String listed, String govCloud) {
	}

}
