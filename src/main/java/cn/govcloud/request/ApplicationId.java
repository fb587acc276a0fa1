package cn.govcloud.request;

import java.util.Objects;
import java.util.UUID;

/**
 * A resource application's id. Typed so that ids of different records side by side in one
 * signature cannot be swapped silently.
 */
public record ApplicationId(UUID value) {

	public ApplicationId {
		Objects.requireNonNull(value, "value");
	}

}
