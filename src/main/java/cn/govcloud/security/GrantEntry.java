package cn.govcloud.security;

import java.time.Instant;

/** A line of a grant's history: who did what, when, and why. */
public record GrantEntry(Instant at, String action, String actorName, String reason) {
}
