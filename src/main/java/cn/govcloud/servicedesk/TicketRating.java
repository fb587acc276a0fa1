package cn.govcloud.servicedesk;

import java.time.Instant;
import java.util.UUID;

/** One person's rating of a closed ticket (Art. 19: satisfaction). */
record TicketRating(UUID userId, int stars, String comment, Instant at) {
}
