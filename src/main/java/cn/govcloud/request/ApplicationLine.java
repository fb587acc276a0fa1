package cn.govcloud.request;

import java.util.Map;
import java.util.UUID;

/**
 * One line of an application: what was requested and, once decided, what was approved.
 * Both stay forever, side by side (Art. 8).
 *
 * @param approvedQuantity {@code null} until decided; 0 when the line was cut entirely
 * @param cutReason why the approved differs from the requested
 */
public record ApplicationLine(UUID id, int position, String kind, LineDirection direction, Map<String, Object> spec,
		int quantity, String justification, Map<String, Object> approvedSpec, Integer approvedQuantity,
		String cutReason) {

	/** Whether the Commission approved less than was asked. */
	public boolean cut() {
		return this.approvedQuantity != null
				&& (this.approvedQuantity < this.quantity || !this.spec.equals(this.approvedSpec));
	}

}
