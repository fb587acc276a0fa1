package cn.govcloud.request;

import java.util.Map;
import java.util.UUID;

/** Approved resources of one kind and spec for one system, net of approved decreases. */
public record AllocatedResource(UUID unitId, String unitName, UUID systemId, String systemName, String kind,
		Map<String, Object> spec, long quantity) {
}
