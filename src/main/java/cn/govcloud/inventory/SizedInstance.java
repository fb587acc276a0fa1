package cn.govcloud.inventory;

import java.util.Map;
import java.util.UUID;

/**
 * An ACTIVE instance as rightsizing sizes it (Art. 8): whose it is, its kind and spec,
 * and the contract and approved line it is billed under ({@code null} for an instance
 * recorded without a work order).
 */
public record SizedInstance(UUID id, String name, UUID unitId, UUID supplierId, UUID systemId, String kind,
		Map<String, Object> spec, UUID contractId, UUID applicationLineId) {

	public SizedInstance {
		spec = Map.copyOf(spec);
	}

	/**
	 * What one instance of {@code spec} pays for of a billed dimension (Art. 7): 1 per
	 * instance, else the spec's value of the dimension (0 when it has none).
	 */
	public static long billingUnits(Map<String, Object> spec, String dimension) {
		return Specs.unitsPerInstance(spec, dimension);
	}

}
