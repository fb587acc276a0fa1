package cn.govcloud.request;

import java.util.UUID;

/**
 * A unit submitted (or resubmitted) an application: it now waits on the Commission's
 * review.
 */
record ApplicationSubmitted(UUID applicationId, String number, UUID unitId, String unitName, String systemName,
		int revision) {
}
