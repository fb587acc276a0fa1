package cn.govcloud.request;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is approved for one system, net of decreases (Art. 8): per kind and spec, the
 * quantity.
 */
record Allocation(UUID systemId, List<AllocatedResource> resources) {

	public Allocation {
		resources = List.copyOf(resources);
	}

	public boolean isEmpty() {
		return this.resources.isEmpty();
	}

	/** How many of exactly this kind and spec the system holds. */
	public long quantity(String kind, Map<String, Object> spec) {
		return this.resources.stream()
			.filter((r) -> r.kind().equals(kind) && r.spec().equals(spec))
			.mapToLong(AllocatedResource::quantity)
			.sum();
	}

}
