package cn.govcloud.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * A supplier's id: the organisation that serves units under contracts (Art. 4, 7). Typed,
 * like every id that sits beside ids of other records in one signature, so that they
 * cannot be swapped silently.
 */
public record SupplierId(UUID value) {

	public SupplierId {
		Objects.requireNonNull(value, "value");
	}

}
