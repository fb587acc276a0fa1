package cn.govcloud.request;

import java.util.UUID;

/**
 * What a unit has approved of one resource kind, net of approved decreases: the count and
 * its vCPUs (an aggregate for the finance bureau, Art. 18).
 */
public record ApprovedKind(UUID unitId, String kind, long quantity, long vcpus) {
}
