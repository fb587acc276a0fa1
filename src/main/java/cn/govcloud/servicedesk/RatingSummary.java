package cn.govcloud.servicedesk;

import java.util.UUID;

/**
 * The ratings a unit's people gave a supplier's closed tickets in a period (Art. 19: a
 * satisfaction source beside the surveys): how many and their average stars (1–5).
 */
public record RatingSummary(UUID unitId, UUID supplierId, long ratings, double averageStars) {
}
