package cn.govcloud.metering;

import java.util.UUID;

/** Narrows a utilisation summary; every field is optional. */
public record UtilisationFilter(UUID unitId, UUID systemId, UUID instanceId, Metric metric) {

	public static UtilisationFilter all() {
		return new UtilisationFilter(null, null, null, null);
	}

}
