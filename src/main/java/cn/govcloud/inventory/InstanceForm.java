package cn.govcloud.inventory;

import java.util.List;
import java.util.Map;

/**
 * An instance as the supplier's operator records it.
 *
 * @param cloudInstanceId the instance's id in the supplier's cloud
 * @param ipAddresses IPv4 or IPv6 addresses, at least one
 */
record InstanceForm(String name, List<String> ipAddresses, String cloudInstanceId, Map<String, Object> spec,
		String zone) {
}
