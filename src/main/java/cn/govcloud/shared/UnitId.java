package cn.govcloud.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * A using unit's id: the organisation that owns systems and applies for resources (Art.
 * 4). Typed, like every id that sits beside ids of other records in one signature, so
 * that they cannot be swapped silently.
 */
public record UnitId(UUID value) {

	public UnitId {
		Objects.requireNonNull(value, "value");
	}

}
