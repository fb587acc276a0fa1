package cn.govcloud.request;

import java.util.UUID;

/**
 * An application was decided: approved (perhaps with cuts, perhaps automatically),
 * returned or rejected. The unit is told.
 */
record ApplicationDecided(UUID applicationId, String number, UUID unitId, UUID createdBy, String systemName,
		Decision decision, String reason) {
}
