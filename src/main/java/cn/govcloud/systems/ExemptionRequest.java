package cn.govcloud.systems;

import java.time.Instant;
import java.util.UUID;

/**
 * A unit's request that the Commission exempt a self-hosted system from migration (Art.
 * 3), with the legal basis and the version of the supporting document it relies on.
 *
 * @param decidedBy who granted or refused it, or whose change of the system withdrew it
 */
public record ExemptionRequest(UUID id, UUID systemId, String systemName, UUID unitId, String unitName, String basis,
		int documentVersion, ExemptionState state, String requestedBy, Instant requestedAt, String decidedBy,
		Instant decidedAt, String decisionReason) {

	public boolean pending() {
		return this.state == ExemptionState.PENDING;
	}

}
