package cn.govcloud.metering;

import java.util.UUID;

/** The instance a chart is about, as its page heads it. */
record MeteredInstance(UUID id, String name, String cloudInstanceId, UUID unitId, String unitName, UUID systemId,
		String systemName) {
}
