package cn.govcloud.termination;

import java.util.UUID;

/** The Commission approved or returned a termination (Art. 9): the unit is told. */
record TerminationDecided(UUID terminationId, String number, UUID unitId, String systemName,
		TerminationDecision decision, String reason) {
}
