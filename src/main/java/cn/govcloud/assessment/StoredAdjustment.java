package cn.govcloud.assessment;

import java.time.Instant;
import java.util.UUID;

/**
 * A manual adjustment the Commission made (Art. 19: adjustments need a reason and are
 * audited): its points (±), reason, who and when.
 */
public record StoredAdjustment(UUID id, double points, String reason, String madeBy, Instant madeAt) {

	Adjustment adjustment() {
		return new Adjustment(this.points, this.reason);
	}

}
