package cn.govcloud.request;

import java.time.Instant;

/** One step in an application's history: created, submitted, returned, approved, … */
record HistoryEntry(Instant at, String actor, String action, String reason) {
}
