package cn.govcloud.metering;

import java.time.Instant;
import java.util.UUID;

/**
 * A host seen in a supplier's series that matches no inventory instance ("seen but not
 * registered"), for the reconciliation.
 *
 * @param matchValue the host part of the match label, or
 * {@code govcloud_instance_id=<id>}
 * @param example one of its series
 */
record UnregisteredSeries(UUID supplierId, String matchValue, Instant firstSeen, Instant lastSeen, long samples,
		String example) {
}
