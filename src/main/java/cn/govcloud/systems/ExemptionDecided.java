package cn.govcloud.systems;

import java.util.UUID;

/**
 * A request for an exemption from migration was decided (Art. 3): granted or refused by
 * the Commission, or withdrawn because the system left self-hosting.
 *
 * @param decidedBy the decider's name, or {@code system}
 */
record ExemptionDecided(UUID requestId, UUID systemId, UUID unitId, ExemptionState state, String decidedBy,
		String reason) {
}
