package cn.govcloud.inventory;

import java.util.List;
import java.util.UUID;

/**
 * An instance monitoring data may be matched to: its name, cloud instance id and IP
 * addresses (text form, e.g. {@code 10.0.0.5}, {@code fd00::1}).
 */
public record MatchableInstance(UUID id, UUID supplierId, UUID unitId, String name, String cloudInstanceId,
		List<String> addresses) {
}
