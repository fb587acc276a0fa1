package cn.govcloud.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * An application system's id (Art. 3, 6). Typed, like every id that sits beside ids of
 * other records in one signature, so that they cannot be swapped silently.
 */
public record SystemId(UUID value) {

	public SystemId {
		Objects.requireNonNull(value, "value");
	}

}
