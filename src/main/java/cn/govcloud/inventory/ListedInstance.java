package cn.govcloud.inventory;

import java.util.List;

/**
 * One instance as the supplier's own list gives it.
 *
 * @param row the row of the file (1 is the header), as problems and the report name it
 */
record ListedInstance(int row, String name, List<String> ipAddresses, String cloudInstanceId, String kind, int vcpu,
		int memoryGib, int diskGib, String zone) {
}
