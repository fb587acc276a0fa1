package cn.govcloud.inventory;

import java.util.UUID;

/**
 * How many instances of one kind a unit held in a period, and their vCPUs (a count, no
 * names or addresses: the finance bureau's view, Art. 18).
 */
public record HeldInstances(UUID unitId, String kind, long count, long vcpus) {
}
